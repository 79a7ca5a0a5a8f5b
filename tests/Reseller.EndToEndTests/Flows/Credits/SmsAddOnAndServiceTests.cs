using System.Net;

using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Credits;

/// <summary>
/// SMS credit goes only to a marketing account, not lite, that carries the sms add-on (docs/business-rules.md); credit is spent only by
/// an account in service. Credits learns both from Accounts' events.
/// </summary>
[RunsAlone]
public sealed class SmsAddOnAndServiceTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Sms_credit_needs_the_sms_add_on_on_a_marketing_account_and_compatibility_credit_does_not()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var withoutAddOn = (await client.CreateAccountAsync(partner, profileId))["id"]!.GetValue<string>();
        var signatures = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", SignaturesAccount(profileId), partner.Token), HttpStatusCode.Created))["id"]!.GetValue<string>();
        var withAddOn = await client.CreateSmsAccountAsync(partner, profileId);
        await client.PurchaseAsync(partner, "sms", 1000);
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "sms") == 1000 && CreditsScenarios.PoolOf(b, "compatibility") == 100);

        foreach (var refusedAccount in new[] { withoutAddOn, signatures })
        {
            var refused = await ProblemAssert.IsAsync(await client.AssignWhenKnownAsync(partner, "sms", refusedAccount, 10), HttpStatusCode.UnprocessableEntity);
            Assert.EndsWith("/sms-not-allowed", refused["type"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", signatures, 10), HttpStatusCode.Created);
        var assigned = await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "sms", withAddOn, 10), HttpStatusCode.Created);
        Assert.Equal(990, assigned["partner_balance"]!.GetValue<long>());

        var balances = await client.BalancesAsync(partner);
        Assert.Equal(0, CreditsScenarios.AccountHolds(balances, withoutAddOn, "sms"));
        Assert.Equal(0, CreditsScenarios.AccountHolds(balances, signatures, "sms"));
        Assert.Equal(10, CreditsScenarios.AccountHolds(balances, signatures, "compatibility"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "sms");

        // Accounts refuses the add-on where it cannot work, at creation and at a plan change.
        var onSignatures = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            SignaturesAccount(profileId, withSms: true), partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(onSignatures["errors"]!["plan.add_ons[0]"]);
        var onLite = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{withAddOn}",
            new { plan = new { product = "marketing", tier = "lite", contacts = 1000, cadence = "monthly", add_ons = new[] { new { code = "sms", quantity = 1 } } } },
            partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(onLite["errors"]!["plan.add_ons[0]"]);
    }

    [Fact]
    public async Task An_expired_or_transferred_account_spends_no_credit()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var trial = (await client.CreateTrialAsync(partner))["id"]!.GetValue<string>();
        var moved = (await client.CreateTrialAsync(partner))["id"]!.GetValue<string>();
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "compatibility") == 100);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", trial, 10), HttpStatusCode.Created);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", moved, 10), HttpStatusCode.Created);
        var trialToken = await AccountTokens.LongLivedAsync(system, trial);
        var movedToken = await AccountTokens.LongLivedAsync(system, moved);
        await client.WaitUntilInServiceAsync(trialToken, trial);
        await GatewayClient.JsonAsync(await client.ConsumeAsync(trialToken, trial, "compatibility", 1), HttpStatusCode.Created);

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{moved}/transfer-out",
            new { owner_email = $"owner-{Guid.NewGuid():N}@client.test" }, asOperator: true), HttpStatusCode.OK);
        await SandboxClock.MoveByAsync(client, TimeSpan.FromDays(15));
        partner = partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };

        await WaitForRefusalAsync(trialToken, trial);
        await WaitForRefusalAsync(partner.Token, trial);
        await WaitForRefusalAsync(movedToken, moved);
        Assert.Equal(9, CreditsScenarios.AccountHolds(await client.BalancesAsync(partner), trial, "compatibility"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "compatibility");
    }

    /// <summary>
    /// Waits until Credits has learnt from Accounts' events that the account left service: a consumption far beyond any
    /// balance (so that none is ever made while waiting) is then refused for the account's status, not for the balance.
    /// </summary>
    private async Task WaitForRefusalAsync(string token, string accountId)
    {
        await Eventually.ReadAsync(
            async () => (await ProblemAssert.IsAsync(await client.ConsumeAsync(token, accountId, "compatibility", long.MaxValue / 2), HttpStatusCode.UnprocessableEntity))["type"]!.GetValue<string>(),
            type => type.EndsWith("/account-not-in-service", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45),
            $"Credits to see account {accountId} out of service (problem type)");
        var small = await ProblemAssert.IsAsync(await client.ConsumeAsync(token, accountId, "compatibility", 1), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/account-not-in-service", small["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static object SignaturesAccount(string billingProfileId, bool withSms = false) => new
    {
        name = GatewayClient.NewAccountName(),
        customer = new { name = "Client Co", email = "it@client.test" },
        notification_email = "billing@agency.test",
        language = "fr",
        time_zone = "Europe/Paris",
        plan = new { product = "signatures-m365", tier = "standard", seats = 5, cadence = "monthly", add_ons = new[] { new { code = "sms", quantity = 1 } }.Where(_ => withSms) },
        billing_profile_id = billingProfileId,
    };

    public void Dispose() => client.Dispose();
}
