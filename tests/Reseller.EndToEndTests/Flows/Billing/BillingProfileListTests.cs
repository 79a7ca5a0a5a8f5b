using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>The partner's cards page like every list (API.md: <c>page_size</c> 1–200, default 50, and <c>page_token</c>).</summary>
public sealed class BillingProfileListTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task The_partners_cards_page_by_page_size_and_token_and_a_size_out_of_range_is_400()
    {
        var partner = await client.CreatePartnerAsync();
        string[] cards = [
            await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard),
            await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard),
            await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard),
        ];

        var first = await PageAsync(partner, "?page_size=2");
        var token = first["next_page_token"]!.GetValue<string>();
        var second = await PageAsync(partner, $"?page_size=2&page_token={Uri.EscapeDataString(token)}");
        Assert.Null(second["next_page_token"]);
        Assert.Equal(cards, IdsOf(first).Concat(IdsOf(second)));
        Assert.Equal(cards, IdsOf(await PageAsync(partner, "")).AsEnumerable());

        foreach (var query in new[] { "?page_size=0", "?page_size=201", "?page_token=not-a-token" })
        {
            await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles" + query, token: partner.Token), HttpStatusCode.BadRequest);
        }
    }

    private async Task<JsonNode> PageAsync(Partner partner, string query) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles" + query, token: partner.Token), HttpStatusCode.OK);

    private static string[] IdsOf(JsonNode page) => [.. page["data"]!.AsArray().Select(card => card!["id"]!.GetValue<string>())];

    public void Dispose() => client.Dispose();
}
