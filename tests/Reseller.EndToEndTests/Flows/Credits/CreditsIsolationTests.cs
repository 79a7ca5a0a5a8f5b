using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Credits;

public sealed class CreditsIsolationTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Another_partners_account_and_ledger_are_not_found()
    {
        var owner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(owner, GatewayClient.GoodCard);
        var accountId = (await client.CreateAccountAsync(owner, profileId))["id"]!.GetValue<string>();
        await client.PurchaseAsync(owner, "compatibility", 100);
        await client.WaitForBalancesAsync(owner, b => CreditsScenarios.PoolOf(b, "compatibility") == 100);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(owner, "compatibility", accountId, 50), HttpStatusCode.Created);

        var stranger = await client.CreatePartnerAsync();
        await client.CreateBillingProfileAsync(stranger, GatewayClient.GoodCard);
        await ProblemAssert.IsAsync(await client.AssignAsync(stranger, "compatibility", accountId, 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.ConsumeAsync(stranger.Token, accountId, "compatibility", 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/compatibility/ledger?account_id={accountId}", token: stranger.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/prepaid/purchases", new { pack = 5000, account_id = accountId }, stranger.Token), HttpStatusCode.NotFound);

        var strangers = await client.BalancesAsync(stranger);
        Assert.Empty(strangers["accounts"]!.AsArray());
        Assert.Empty(await client.LedgerAsync(stranger, "compatibility"));
        Assert.Equal(50, CreditsScenarios.AccountHolds(await client.BalancesAsync(owner), accountId, "compatibility"));
    }

    [Fact]
    public async Task An_account_consumes_its_own_credit_with_its_own_token_and_nobody_elses()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var mine = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();
        var sibling = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "compatibility") == 100);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", mine, 10), HttpStatusCode.Created);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", sibling, 10), HttpStatusCode.Created);
        var token = await AccountTokens.LongLivedAsync(system, mine);
        await client.WaitUntilInServiceAsync(token, mine);

        var consumed = await GatewayClient.JsonAsync(await client.ConsumeAsync(token, mine, "compatibility", 4), HttpStatusCode.Created);
        Assert.Equal(6, consumed["balance"]!.GetValue<long>());
        await ProblemAssert.IsAsync(await client.ConsumeAsync(token, sibling, "compatibility", 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.ConsumeAsync(token, mine, "compatibility", 7), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, "/api/v1/credits", token: token)).StatusCode);
        Assert.Equal(10, CreditsScenarios.AccountHolds(await client.BalancesAsync(partner), sibling, "compatibility"));
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_never_a_server_error()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();

        async Task Expect(HttpStatusCode status, HttpMethod method, string path, object? body = null) =>
            await ProblemAssert.IsAsync(await client.SendAsync(method, path, body, partner.Token), status);

        await Expect(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/credits/gold/purchases", new { pack = 5000 });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/purchases", new { pack = 1234 });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/purchases", new { });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/purchases", new { pack = 1000, account_id = accountId });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/purchases", "{\"pack\": \"lots\"}");
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/purchases", "{not json");
        await Expect(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/credits/prepaid/purchases", new { pack = 5000, account_id = "acc_nope" });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/assignments", new { account_id = accountId, quantity = 0 });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/credits/sms/assignments", new { quantity = 5 });
        await Expect(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/credits/prepaid/assignments", new { account_id = accountId, quantity = 5 });
        await Expect(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/credits/sms/assignments", new { account_id = "acc_00000000000000000000000000000000", quantity = 5 });
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/v1/accounts/{accountId}/credits/sms/consumptions", new { quantity = -3 });
        await Expect(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/accounts/not-an-id/credits/sms/consumptions", new { quantity = 1 });
        await Expect(HttpStatusCode.NotFound, HttpMethod.Get, "/api/v1/credits/gold/ledger");
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/v1/credits/sms/ledger?page_size=0");
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/v1/credits/sms/ledger?page_token=garbage");

        var unauthenticated = await client.SendAsync(HttpMethod.Get, "/api/v1/credits");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    public void Dispose() => client.Dispose();
}
