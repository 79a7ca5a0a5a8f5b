using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Credits;

public sealed class CreditsFlowTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_purchased_pack_is_credited_once_paid_then_assigned_and_consumed_never_below_zero()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = await client.CreateSmsAccountAsync(partner, profileId);

        var purchase = await client.PurchaseAsync(partner, "sms", 1000);
        Assert.StartsWith("cp_", purchase["id"]!.GetValue<string>(), StringComparison.Ordinal);
        var invoice = purchase["invoice"]!;
        Assert.Equal("credit_purchase", invoice["purpose"]!.GetValue<string>());
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        Assert.Equal(2000, invoice["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(0, invoice["discount"]!["amount"]!.GetValue<long>());
        Assert.Equal(2000, invoice["card_charged"]!["amount"]!.GetValue<long>());

        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "sms") == 1000);

        var assigned = await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "sms", accountId, 300), HttpStatusCode.Created);
        Assert.Equal(700, assigned["partner_balance"]!.GetValue<long>());
        Assert.Equal(300, assigned["account_balance"]!.GetValue<long>());
        await client.WaitUntilInServiceAsync(partner.Token, accountId, "sms");

        var consumed = await GatewayClient.JsonAsync(await client.ConsumeAsync(partner.Token, accountId, "sms", 120), HttpStatusCode.Created);
        Assert.Equal(180, consumed["balance"]!.GetValue<long>());
        var refused = await ProblemAssert.IsAsync(await client.ConsumeAsync(partner.Token, accountId, "sms", 181), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/insufficient-credit", refused["type"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(await client.AssignAsync(partner, "sms", accountId, 701), HttpStatusCode.UnprocessableEntity);

        var balances = await client.BalancesAsync(partner);
        Assert.Equal(700, CreditsScenarios.PoolOf(balances, "sms"));
        Assert.Equal(180, CreditsScenarios.AccountHolds(balances, accountId, "sms"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "sms");
        var types = (await client.LedgerAsync(partner, "sms", pageSize: 1)).Select(e => e["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["consumption", "assignment", "assignment", "purchase"], types);
    }

    [Fact]
    public async Task Two_hundred_parallel_consumptions_against_a_balance_of_100_succeed_exactly_100_times()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "compatibility") == 100);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", accountId, 100), HttpStatusCode.Created);
        await client.WaitUntilInServiceAsync(partner.Token, accountId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.ConsumeAsync(partner.Token, accountId, "compatibility", 1)));

        var answers = string.Join(", ", await Task.WhenAll(responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity))
            .Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.True(answers.Length == 0, "Answers other than 201 and 422: " + answers);
        Assert.Equal(100, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(100, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        var balances = await client.BalancesAsync(partner);
        Assert.Equal(0, CreditsScenarios.AccountHolds(balances, accountId, "compatibility"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "compatibility");
    }

    [Fact]
    public async Task Sms_credit_is_refused_for_a_lite_account_while_compatibility_credit_is_not()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var lite = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", CreditsScenarios.LitePlanAccount(profileId), partner.Token), HttpStatusCode.Created);
        var accountId = lite["id"]!.GetValue<string>();
        await client.PurchaseAsync(partner, "sms", 1000);
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "sms") == 1000 && CreditsScenarios.PoolOf(b, "compatibility") == 100);

        var refused = await ProblemAssert.IsAsync(await client.AssignWhenKnownAsync(partner, "sms", accountId, 10), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/sms-not-allowed", refused["type"]!.GetValue<string>(), StringComparison.Ordinal);
        await GatewayClient.JsonAsync(await client.AssignAsync(partner, "compatibility", accountId, 10), HttpStatusCode.Created);
        Assert.Equal(1000, CreditsScenarios.PoolOf(await client.BalancesAsync(partner), "sms"));
    }

    [Fact]
    public async Task Prepaid_credit_pays_an_sms_pack_but_never_a_prepaid_pack()
    {
        var partner = await client.CreatePartnerAsync();
        await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var prepaid = await client.PurchaseAsync(partner, "prepaid", 5000);
        Assert.Equal(5000, prepaid["invoice"]!["card_charged"]!["amount"]!.GetValue<long>());
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 5000);

        var sms = await client.PurchaseAsync(partner, "sms", 1000);
        Assert.Equal("paid", sms["invoice"]!["status"]!.GetValue<string>());
        Assert.Equal(2000, sms["invoice"]!["prepaid_applied"]!["amount"]!.GetValue<long>());
        Assert.Equal(0, sms["invoice"]!["card_charged"]!["amount"]!.GetValue<long>());
        var again = await client.PurchaseAsync(partner, "prepaid", 5000);
        Assert.Equal(0, again["invoice"]!["prepaid_applied"]!["amount"]!.GetValue<long>());
        Assert.Equal(5000, again["invoice"]!["card_charged"]!["amount"]!.GetValue<long>());

        var balances = await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "sms") == 1000 && CreditsScenarios.PoolOf(b, "prepaid") == 8000);
        Assert.Equal(8000, CreditsScenarios.PoolOf(balances, "prepaid"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "prepaid");
        var types = (await client.LedgerAsync(partner, "prepaid")).Select(e => e["type"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["purchase", "purchase", "reservation"], types);
    }

    public void Dispose() => client.Dispose();
}
