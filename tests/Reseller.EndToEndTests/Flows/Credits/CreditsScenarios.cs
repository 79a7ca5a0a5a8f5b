using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Credits;

/// <summary>Credits steps through the gateway, shared by the credits flows.</summary>
public static class CreditsScenarios
{
    public static async Task<JsonNode> BalancesAsync(this GatewayClient client, Partner partner) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits", token: partner.Token), HttpStatusCode.OK);

    public static long PoolOf(JsonNode balances, string kind) => Quantity(balances["partner"]!, kind);

    public static long AccountHolds(JsonNode balances, string accountId, string kind) =>
        balances["accounts"]!.AsArray().FirstOrDefault(a => a!["account_id"]!.GetValue<string>() == accountId) is { } account ? Quantity(account["balances"]!, kind) : 0;

    public static async Task<JsonNode> PurchaseAsync(this GatewayClient client, Partner partner, string kind, long pack, string? accountId = null) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/credits/{kind}/purchases",
            accountId is null ? new { pack } : new { pack, account_id = accountId }, partner.Token), HttpStatusCode.Created);

    /// <summary>Waits until the balances satisfy the condition (credit arrives by event, after the invoice is paid).</summary>
    public static Task<JsonNode> WaitForBalancesAsync(this GatewayClient client, Partner partner, Func<JsonNode, bool> condition) =>
        Eventually.ReadAsync(() => client.BalancesAsync(partner), condition, TimeSpan.FromSeconds(45), "the balances to reach the expected state", b => b.ToJsonString());

    public static async Task<HttpResponseMessage> AssignAsync(this GatewayClient client, Partner partner, string kind, string accountId, long quantity) =>
        await client.SendAsync(HttpMethod.Post, $"/api/v1/credits/{kind}/assignments", new { account_id = accountId, quantity }, partner.Token);

    /// <summary>Assigns once Credits has learnt of the account from Accounts' event (until then the account is unknown here: 404).</summary>
    public static Task<HttpResponseMessage> AssignWhenKnownAsync(this GatewayClient client, Partner partner, string kind, string accountId, long quantity) =>
        Eventually.ReadAsync(() => client.AssignAsync(partner, kind, accountId, quantity), response => response.StatusCode != HttpStatusCode.NotFound, Eventually.Propagation);

    public static async Task<HttpResponseMessage> ConsumeAsync(this GatewayClient client, string token, string accountId, string kind, long quantity) =>
        await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{accountId}/credits/{kind}/consumptions", new { quantity }, token);

    public static async Task<HttpResponseMessage> UnassignAsync(this GatewayClient client, Partner partner, string kind, string accountId, long quantity, string? idempotencyKey = null) =>
        await client.SendAsync(HttpMethod.Post, $"/api/v1/credits/{kind}/unassignments", new { account_id = accountId, quantity }, partner.Token, idempotencyKey: idempotencyKey);

    /// <summary>
    /// Waits until Credits has learnt from Accounts' events that the account is in service: a consumption far beyond any
    /// balance is then refused for the balance (insufficient-credit), no longer for the account's status.
    /// </summary>
    public static Task WaitUntilInServiceAsync(this GatewayClient client, string token, string accountId, string kind = "compatibility") =>
        Eventually.ReadAsync(
            async () => (await ProblemAssert.IsAsync(await client.ConsumeAsync(token, accountId, kind, long.MaxValue / 2), HttpStatusCode.UnprocessableEntity))["type"]!.GetValue<string>(),
            type => type.EndsWith("/insufficient-credit", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45),
            $"Credits to see account {accountId} in service (problem type)");

    /// <summary>Every entry of one kind's ledger, following next_page_token.</summary>
    public static async Task<List<JsonNode>> LedgerAsync(this GatewayClient client, Partner partner, string kind, int pageSize = 200)
    {
        var entries = new List<JsonNode>();
        string? token = null;
        do
        {
            var path = $"/api/v1/credits/{kind}/ledger?page_size={pageSize}" + (token is null ? "" : $"&page_token={token}");
            var page = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, path, token: partner.Token), HttpStatusCode.OK);
            entries.AddRange(page["data"]!.AsArray().Select(e => e!));
            token = page["next_page_token"]?.GetValue<string>();
        }
        while (token is not null);
        return entries;
    }

    /// <summary>The ledger sums equal the balances shown, for the pool and every account.</summary>
    public static async Task AssertLedgerMatchesBalancesAsync(this GatewayClient client, Partner partner, string kind)
    {
        var balances = await client.BalancesAsync(partner);
        var entries = await client.LedgerAsync(partner, kind);
        var sums = entries.GroupBy(e => e["account_id"]?.GetValue<string>() ?? "").ToDictionary(g => g.Key, g => g.Sum(e => e["quantity"]!.GetValue<long>()));
        Assert.Equal(PoolOf(balances, kind), sums.GetValueOrDefault(""));
        foreach (var (holder, sum) in sums.Where(s => s.Key != ""))
        {
            Assert.Equal(sum, AccountHolds(balances, holder, kind));
        }
    }

    public static object LitePlanAccount(string? billingProfileId) => new
    {
        name = GatewayClient.NewAccountName(),
        customer = new { name = "Client Co", email = "it@client.test" },
        notification_email = "billing@agency.test",
        language = "fr",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier = "lite", contacts = 1000, cadence = "monthly" },
        billing_profile_id = billingProfileId,
    };

    /// <summary>A paid marketing plus account with the sms add-on, the one kind of account that may receive SMS credit.</summary>
    public static object SmsPlanAccount(string? billingProfileId) => new
    {
        name = GatewayClient.NewAccountName(),
        customer = new { name = "Client Co", email = "it@client.test" },
        notification_email = "billing@agency.test",
        language = "fr",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly", add_ons = new[] { new { code = "sms", quantity = 1 } } },
        billing_profile_id = billingProfileId,
    };

    public static async Task<string> CreateSmsAccountAsync(this GatewayClient client, Partner partner, string billingProfileId) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", SmsPlanAccount(billingProfileId), partner.Token), HttpStatusCode.Created))["id"]!.GetValue<string>();

    public static object ProfessionalPlanAccount(string? billingProfileId) => new
    {
        name = GatewayClient.NewAccountName(),
        customer = new { name = "Client Co", email = "it@client.test" },
        notification_email = "billing@agency.test",
        language = "fr",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier = "professional", contacts = 1000, cadence = "monthly" },
        billing_profile_id = billingProfileId,
    };

    private static long Quantity(JsonNode balances, string kind) =>
        kind == "prepaid" ? balances["prepaid"]!["amount"]!.GetValue<long>() : balances[kind]!.GetValue<long>();
}
