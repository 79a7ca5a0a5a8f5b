using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

public sealed class AccountListTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task Search_finds_accounts_by_name_customer_name_and_customer_email()
    {
        var partner = await client.CreatePartnerAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var byName = await Kit.CreateTrialAsync(partner, $"shop-{tag}");
        var byCustomer = await Kit.CreateTrialAsync(partner, customerName: $"Boulangerie {tag.ToUpperInvariant()}");
        var byEmail = await Kit.CreateTrialAsync(partner, customerEmail: $"boss@{tag}.test");
        await Kit.CreateTrialAsync(partner);
        var other = await client.CreatePartnerAsync();
        await Kit.CreateTrialAsync(other, $"other-{tag}");

        var found = await IdsAsync(partner, $"?q={tag}&sort=created");

        Assert.Equal([Id(byName), Id(byCustomer), Id(byEmail)], found);
        Assert.Empty(await IdsAsync(partner, "?q=100%25_"));
    }

    [Fact]
    public async Task Every_sort_both_ways_pages_through_all_accounts_once_in_order()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = new List<JsonNode>();
        foreach (var contacts in new[] { 3000, 1000, 7000, 1000, 5000 })
        {
            created.Add(await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
            {
                name = GatewayClient.NewAccountName(),
                customer = new { name = "Client", email = "c@client.test" },
                notification_email = "billing@agency.test",
                language = "en",
                time_zone = "UTC",
                plan = new { product = "marketing", tier = "plus", contacts, cadence = "trial" },
            }, partner.Token), HttpStatusCode.Created));
        }
        // Settled first: a row whose sort key changes between two pages (pending → active sets its expiry) may be seen twice.
        created.Add(await client.CreateSettledAccountAsync(partner, card));
        var all = created.Select(Id).ToList();

        foreach (var sort in new[] { "name", "plan_size", "created", "expires" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var pages = await AllPagesAsync(partner, $"sort={sort}&order={order}&status=all", pageSize: 2);
                Assert.True(all.Order().SequenceEqual(pages.Select(Id).Order()), $"sort={sort} order={order}: {string.Join(", ", pages.Select(Id))}");
                var keys = pages.Select(a => SortKey(a, sort)).ToList();
                var expected = order == "asc" ? keys.Order(StringComparer.Ordinal).ToList() : keys.OrderDescending(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, keys);
            }
        }
        var monthly = await IdsAsync(partner, "?cadence=monthly&status=all");
        Assert.Equal([Id(created[^1])], monthly);
        Assert.Equal(5, (await IdsAsync(partner, "?cadence=trial")).Count);
    }

    [Fact]
    public async Task A_status_filter_picks_the_accounts_needing_attention()
    {
        var partner = await client.CreatePartnerAsync();
        var trial = await Kit.CreateTrialAsync(partner);
        var failed = await client.CreateSettledAccountAsync(partner, await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard));
        Assert.Equal("payment_failed", failed["status"]!.GetValue<string>());

        Assert.Equal([Id(failed)], await IdsAsync(partner, "?status=payment_failed"));
        Assert.Equal([Id(trial)], await IdsAsync(partner, "?status=trial"));
        Assert.Empty(await IdsAsync(partner, "?status=pending"));
        Assert.Empty(await IdsAsync(partner, "?status=cancelled"));
        Assert.Equal([Id(trial), Id(failed)], await IdsAsync(partner, "?status=all&sort=created"));
    }

    [Fact]
    public async Task Bad_list_parameters_are_refused_with_a_problem()
    {
        var partner = await client.CreatePartnerAsync();

        foreach (var query in new[] { "?status=deleted", "?cadence=weekly", "?sort=price", "?order=up", "?page_size=0", "?page_size=201", "?page_size=ten",
            "?page_token=garbage", "?q=" + new string('x', 300), "?q=a%00b" })
        {
            var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/accounts" + query, token: partner.Token), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]);
        }
        await Kit.CreateTrialAsync(partner);
        await Kit.CreateTrialAsync(partner);
        var first = await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts?page_size=1&sort=name", null, partner);
        var token = first["next_page_token"]!.GetValue<string>();
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts?page_size=1&sort=created&page_token={token}", token: partner.Token), HttpStatusCode.BadRequest);
    }

    private static string Id(JsonNode account) => account["id"]!.GetValue<string>();

    private static string SortKey(JsonNode a, string sort) => sort switch
    {
        "name" => a["name"]!.GetValue<string>(),
        "plan_size" => $"{a["plan"]!["contacts"]!.GetValue<int>():D6}{a["plan"]!["seats"]!.GetValue<int>():D6}{a["id"]!.GetValue<string>()}",
        "created" => $"{a["created_at"]!.GetValue<DateTimeOffset>().UtcTicks:D20}{a["id"]!.GetValue<string>()}",
        _ => $"{(a["current_period_end"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.MaxValue).UtcTicks:D20}{a["id"]!.GetValue<string>()}",
    };

    private async Task<List<string>> IdsAsync(Partner partner, string query) =>
        (await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts" + query, null, partner))["data"]!.AsArray().Select(a => Id(a!)).ToList();

    private async Task<List<JsonNode>> AllPagesAsync(Partner partner, string query, int pageSize)
    {
        var rows = new List<JsonNode>();
        string? token = null;
        do
        {
            var page = await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts?{query}&page_size={pageSize}" + (token is null ? "" : $"&page_token={Uri.EscapeDataString(token)}"), null, partner);
            rows.AddRange(page["data"]!.AsArray().Select(a => a!.DeepClone()));
            token = page["next_page_token"]?.GetValue<string>();
            Assert.True(rows.Count <= 100, "The pages never end.");
        }
        while (token is not null);
        return rows;
    }

    public void Dispose() => client.Dispose();
}
