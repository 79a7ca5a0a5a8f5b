using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Credits;

[RunsAlone]
public sealed class PrepaidRenewalTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_renewal_is_paid_by_the_earmarked_prepaid_credit_first_and_the_card_for_the_rest()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", CreditsScenarios.ProfessionalPlanAccount(profileId), partner.Token), HttpStatusCode.Created);
        var accountId = created["id"]!.GetValue<string>();
        var active = await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() != "pending", TimeSpan.FromSeconds(45));
        Assert.Equal("active", active["status"]!.GetValue<string>());

        // 5000 earmarked for the account and 5000 for the agency: the earmarked credit goes first, then the general.
        await WhenAccountKnownAsync(partner, accountId);
        await client.PurchaseAsync(partner, "prepaid", 5000, accountId);
        await client.PurchaseAsync(partner, "prepaid", 5000);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.AccountHolds(b, accountId, "prepaid") == 5000 && CreditsScenarios.PoolOf(b, "prepaid") == 5000);

        var periodEnd = active["current_period_end"]!.GetValue<DateTimeOffset>();
        await SandboxClock.MoveToAsync(client, periodEnd.AddHours(1));
        partner = partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };
        await client.WaitForAccountAsync(partner, accountId, a => a["current_period_end"]!.GetValue<DateTimeOffset>() > periodEnd, TimeSpan.FromSeconds(45));

        var renewal = (await client.InvoicesOfAsync(partner, accountId)).Single(i => i!["purpose"]!.GetValue<string>() == "renewal")!;
        Assert.Equal("paid", renewal["status"]!.GetValue<string>());
        var total = renewal["total"]!["amount"]!.GetValue<long>();
        Assert.True(total > 10000, $"the professional renewal ({total}) should exceed the prepaid credit");
        Assert.Equal(10000, renewal["prepaid_applied"]!["amount"]!.GetValue<long>());
        Assert.Equal(total - 10000, renewal["card_charged"]!["amount"]!.GetValue<long>());

        var balances = await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 0);
        Assert.Equal(0, CreditsScenarios.AccountHolds(balances, accountId, "prepaid"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "prepaid");
        await AssertEveryInvoiceReconcilesAsync(partner);
    }

    /// <summary>For every invoice of the partner: prepaid used + card charged + still due = total, and a paid one owes nothing.</summary>
    private async Task AssertEveryInvoiceReconcilesAsync(Partner partner)
    {
        var invoices = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?page_size=200", token: partner.Token), HttpStatusCode.OK))["data"]!.AsArray();
        Assert.NotEmpty(invoices);
        foreach (var invoice in invoices)
        {
            long Amount(string field) => invoice![field]!["amount"]!.GetValue<long>();
            Assert.Equal(Amount("total"), Amount("prepaid_applied") + Amount("card_charged") + Amount("amount_due"));
            if (invoice!["status"]!.GetValue<string>() == "paid")
            {
                Assert.Equal(Amount("total"), Amount("prepaid_applied") + Amount("card_charged"));
            }
        }
    }

    private async Task WhenAccountKnownAsync(Partner partner, string accountId) =>
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/prepaid/ledger?account_id={accountId}", token: partner.Token)).StatusCode == HttpStatusCode.OK,
            Eventually.Propagation), "Credits never learnt of the account");

    public void Dispose() => client.Dispose();
}
