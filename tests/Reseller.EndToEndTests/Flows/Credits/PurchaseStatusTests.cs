using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Credits;

public sealed class PurchaseStatusTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_pack_bought_with_a_declined_card_is_listed_failed_and_credits_nothing_and_another_partner_gets_404()
    {
        var partner = await client.CreatePartnerAsync();
        await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);

        var ordered = await client.PurchaseAsync(partner, "sms", 1000);
        var purchaseId = ordered["id"]!.GetValue<string>();
        var invoiceId = ordered["invoice"]!["id"]!.GetValue<string>();
        Assert.Equal("open", ordered["invoice"]!["status"]!.GetValue<string>());
        Assert.Equal(invoiceId, ordered["invoice_id"]!.GetValue<string>());

        var failed = await WaitForPurchaseAsync(partner, purchaseId, p => p["status"]!.GetValue<string>() == "failed");
        Assert.False(string.IsNullOrEmpty(failed["failure_code"]!.GetValue<string>()));
        Assert.NotNull(failed["failed_at"]);
        Assert.Null(failed["completed_at"]);
        Assert.Null(failed["invoice"]);

        var listedFailed = await ListAsync(partner, "?status=failed");
        Assert.Equal([purchaseId], listedFailed["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("failed", listedFailed["data"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(invoiceId, listedFailed["data"]![0]!["invoice_id"]!.GetValue<string>());
        Assert.Empty((await ListAsync(partner, "?status=completed"))["data"]!.AsArray());
        Assert.Equal(0, CreditsScenarios.PoolOf(await client.BalancesAsync(partner), "sms"));

        var stranger = await client.CreatePartnerAsync();
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/purchases/{purchaseId}", token: stranger.Token), HttpStatusCode.NotFound);
        Assert.Empty((await ListAsync(stranger, ""))["data"]!.AsArray());
    }

    [Fact]
    public async Task Purchases_are_listed_newest_first_page_by_page_and_a_paid_one_is_completed()
    {
        var partner = await client.CreatePartnerAsync();
        await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var first = (await client.PurchaseAsync(partner, "compatibility", 100))["id"]!.GetValue<string>();
        var second = (await client.PurchaseAsync(partner, "sms", 1000))["id"]!.GetValue<string>();

        var completed = await WaitForPurchaseAsync(partner, second, p => p["status"]!.GetValue<string>() == "completed");
        Assert.NotNull(completed["completed_at"]);
        Assert.Null(completed["failure_code"]);
        await WaitForPurchaseAsync(partner, first, p => p["status"]!.GetValue<string>() == "completed");

        var page1 = await ListAsync(partner, "?page_size=1&status=completed");
        Assert.Equal(second, page1["data"]![0]!["id"]!.GetValue<string>());
        var token = page1["next_page_token"]!.GetValue<string>();
        var page2 = await ListAsync(partner, $"?page_size=1&status=completed&page_token={token}");
        Assert.Equal(first, page2["data"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("compatibility", page2["data"]![0]!["kind"]!.GetValue<string>());
        Assert.Null(page2["next_page_token"]);
        Assert.Equal(1000, CreditsScenarios.PoolOf(await client.BalancesAsync(partner), "sms"));
    }

    [Fact]
    public async Task Bad_purchase_queries_get_problem_details()
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases?status=credited", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases?page_token=garbage", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases?page_size=500", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases?page_size=many", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases/not-an-id", token: partner.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases/cp_00000000000000000000000000000000", token: partner.Token), HttpStatusCode.NotFound);

        // Billing refuses a purchase without a card: nothing is left pending.
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", new { pack = 1000 }, partner.Token), HttpStatusCode.UnprocessableEntity);
        Assert.Empty((await ListAsync(partner, ""))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases")).StatusCode);
    }

    private async Task<JsonNode> ListAsync(Partner partner, string query) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases" + query, token: partner.Token), HttpStatusCode.OK);

    /// <summary>Waits until the purchase satisfies the condition (its status follows Billing's events).</summary>
    private Task<JsonNode> WaitForPurchaseAsync(Partner partner, string purchaseId, Func<JsonNode, bool> condition) =>
        Eventually.ReadAsync(
            async () => await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/purchases/{purchaseId}", token: partner.Token), HttpStatusCode.OK),
            condition, TimeSpan.FromSeconds(45), $"purchase {purchaseId} to reach the expected state", purchase => purchase.ToJsonString());

    public void Dispose() => client.Dispose();
}
