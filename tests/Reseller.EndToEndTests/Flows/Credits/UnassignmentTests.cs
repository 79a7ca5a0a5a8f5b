using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Credits;

/// <summary>
/// Credit assigned by mistake, or prepaid credit earmarked for an account that no longer needs it, goes back to the
/// partner's pool, never more than the account still holds.
/// </summary>
public sealed class UnassignmentTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Unconsumed_credit_returns_to_the_pool_once_and_never_below_zero()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = await client.CreateSmsAccountAsync(partner, profileId);
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.PurchaseAsync(partner, "sms", 1000);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "compatibility") == 100 && CreditsScenarios.PoolOf(b, "sms") == 1000);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", accountId, 30), HttpStatusCode.Created);
        await GatewayClient.JsonAsync(await client.AssignAsync(partner, "sms", accountId, 300), HttpStatusCode.Created);
        await client.WaitUntilInServiceAsync(partner.Token, accountId);
        await GatewayClient.JsonAsync(await client.ConsumeAsync(partner.Token, accountId, "compatibility", 10), HttpStatusCode.Created);

        // More than the account still holds (20 of the 30; 10 were consumed): refused, nothing moves.
        var short1 = await ProblemAssert.IsAsync(await client.UnassignAsync(partner, "compatibility", accountId, 21), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/insufficient-credit", short1["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var balances = await client.BalancesAsync(partner);
        Assert.Equal(70, CreditsScenarios.PoolOf(balances, "compatibility"));
        Assert.Equal(20, CreditsScenarios.AccountHolds(balances, accountId, "compatibility"));

        var key = Guid.NewGuid().ToString();
        var first = await client.UnassignAsync(partner, "compatibility", accountId, 20, key);
        var retry = await client.UnassignAsync(partner, "compatibility", accountId, 20, key);
        var returned = await GatewayClient.JsonAsync(first, HttpStatusCode.Created);
        Assert.Equal(90, returned["partner_balance"]!.GetValue<long>());
        Assert.Equal(0, returned["account_balance"]!.GetValue<long>());
        Assert.Equal(20, returned["quantity"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await ProblemAssert.IsAsync(await client.UnassignAsync(partner, "compatibility", accountId, 1), HttpStatusCode.UnprocessableEntity);

        var sms = await GatewayClient.JsonAsync(await client.UnassignAsync(partner, "sms", accountId, 100), HttpStatusCode.Created);
        Assert.Equal(800, sms["partner_balance"]!.GetValue<long>());
        Assert.Equal(200, sms["account_balance"]!.GetValue<long>());

        balances = await client.BalancesAsync(partner);
        Assert.Equal(90, CreditsScenarios.PoolOf(balances, "compatibility"));
        Assert.Equal(0, CreditsScenarios.AccountHolds(balances, accountId, "compatibility"));
        Assert.Equal(800, CreditsScenarios.PoolOf(balances, "sms"));
        Assert.Equal(200, CreditsScenarios.AccountHolds(balances, accountId, "sms"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "compatibility");
        await client.AssertLedgerMatchesBalancesAsync(partner, "sms");
        var entries = await client.LedgerAsync(partner, "compatibility");
        Assert.Equal(2, entries.Count(e => e["type"]!.GetValue<string>() == "unassignment"));
        Assert.Contains(entries, e => e["type"]!.GetValue<string>() == "unassignment" && e["account_id"]?.GetValue<string>() == accountId && e["quantity"]!.GetValue<long>() == -20);
        Assert.Contains(entries, e => e["type"]!.GetValue<string>() == "unassignment" && e["account_id"] is null && e["quantity"]!.GetValue<long>() == 20);
    }

    [Fact]
    public async Task Prepaid_credit_earmarked_for_an_account_is_taken_back_to_the_pool_and_never_below_what_it_holds()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();
        // Its first period paid first, so no charge of the account takes from the earmark meanwhile.
        await CrossService.CrossFlow.WaitForInvoiceAsync(client, partner, accountId, "first_period", i => i["status"]!.GetValue<string>() == "paid");
        await client.PurchaseAsync(partner, "prepaid", 5000, accountId);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.AccountHolds(b, accountId, "prepaid") == 5000);

        // The account expires, or its client pays for it: the partner takes its money back to the agency's general credit.
        await ProblemAssert.IsAsync(await client.UnassignAsync(partner, "prepaid", accountId, 5001), HttpStatusCode.UnprocessableEntity);
        var moved = await GatewayClient.JsonAsync(await client.UnassignAsync(partner, "prepaid", accountId, 3000), HttpStatusCode.Created);
        Assert.Equal((3000L, 2000L), (moved["partner_balance"]!.GetValue<long>(), moved["account_balance"]!.GetValue<long>()));
        await client.AssertLedgerMatchesBalancesAsync(partner, "prepaid");
        var assigned = await ProblemAssert.IsAsync(await client.AssignAsync(partner, "prepaid", accountId, 1), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/credit-not-assignable", assigned["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_unassignments_are_problems_and_other_partners_accounts_are_not_found()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();
        var stranger = await client.CreatePartnerAsync();

        var prepaid = await ProblemAssert.IsAsync(await client.UnassignAsync(partner, "prepaid", accountId, 1), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/insufficient-credit", prepaid["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/unassignments", new { quantity = -1 }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["account_id"]);
        Assert.NotNull(bad["errors"]!["quantity"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/unassignments", "{\"account_id\": 5}", partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.UnassignAsync(partner, "gold", accountId, 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.UnassignAsync(partner, "sms", "acc_not-an-id", 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.UnassignAsync(stranger, "compatibility", accountId, 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/unassignments", new { account_id = accountId, quantity = 1 }), HttpStatusCode.Unauthorized);

        var document = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/docs/openapi.json"), HttpStatusCode.OK);
        Assert.NotNull(document["paths"]!["/api/v1/credits/{kind}/unassignments"]?["post"]);
    }

    public void Dispose() => client.Dispose();
}
