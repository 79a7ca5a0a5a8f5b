using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows;

[Collection(SystemUnderTest.Name)]
public sealed class IdempotencyTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_retried_account_creation_replays_the_first_answer_and_charges_once()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var body = GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), profileId);
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body, partner.Token, idempotencyKey: key);
        var retry = await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body, partner.Token, idempotencyKey: key);

        var created = await GatewayClient.JsonAsync(first, HttpStatusCode.Created);
        var replayed = await GatewayClient.JsonAsync(retry, HttpStatusCode.Created);
        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);

        var accountId = created["id"]!.GetValue<string>();
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        var invoices = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices?account_id={accountId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Single(invoices["data"]!.AsArray());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422()
    {
        var partner = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "First", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = 2030, cvc = "123" } }, partner.Token, idempotencyKey: key), HttpStatusCode.Created);
        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Second", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = 2030, cvc = "123" } }, partner.Token, idempotencyKey: key), HttpStatusCode.UnprocessableEntity);

        Assert.EndsWith("/idempotency-key-reused", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_belong_to_their_partner()
    {
        var first = await client.CreatePartnerAsync();
        var second = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = 2030, cvc = "123" } };

        var mine = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, first.Token, idempotencyKey: key), HttpStatusCode.Created);
        var theirs = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, second.Token, idempotencyKey: key), HttpStatusCode.Created);

        Assert.NotEqual(mine["id"]!.GetValue<string>(), theirs["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_overlong_key_is_a_bad_request()
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", new { }, partner.Token, idempotencyKey: new string('k', 256)), HttpStatusCode.BadRequest);
    }

    public void Dispose() => client.Dispose();
}
