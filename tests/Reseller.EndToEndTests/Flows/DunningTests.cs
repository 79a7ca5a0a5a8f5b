using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows;

[RunsAlone]
public sealed class DunningTests(ResellerSystem system) : IDisposable
{
    private const string AlwaysFailingCard = "4000000000000341";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_declined_renewal_is_retried_after_1_3_and_5_days_then_the_account_expires()
    {
        var partner = await client.CreatePartnerAsync();
        var goodCard = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var active = await client.CreateSettledAccountAsync(partner, goodCard);
        var accountId = active["id"]!.GetValue<string>();
        Assert.Equal("active", active["status"]!.GetValue<string>());
        var periodEnd = active["current_period_end"]!.GetValue<DateTimeOffset>();

        var failingCard = await client.CreateBillingProfileAsync(partner, AlwaysFailingCard);
        var changed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{accountId}",
            new { billing_profile_id = failingCard }, partner.Token), HttpStatusCode.OK);
        Assert.Equal(failingCard, changed["billing_profile_id"]!.GetValue<string>());
        Assert.True(await OldCardIsReleasedAsync(partner, goodCard), "Billing never moved the account to the new card.");

        partner = await MoveClockAsync(partner, periodEnd.AddHours(1));
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "payment_failed", Settle);
        var renewal = await RenewalInvoiceAsync(partner, accountId);
        Assert.Equal("open", renewal["status"]!.GetValue<string>());
        Assert.Equal(4410, renewal["amount_due"]!["amount"]!.GetValue<long>());

        foreach (var retryDay in new[] { 1, 3 })
        {
            partner = await MoveClockAsync(partner, periodEnd.AddDays(retryDay).AddHours(2));
            Assert.Equal("payment_failed", (await client.WaitForAccountAsync(partner, accountId, _ => true, Settle))["status"]!.GetValue<string>());
        }

        partner = await MoveClockAsync(partner, periodEnd.AddDays(5).AddHours(2));
        var expired = await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "expired", Settle);
        Assert.Equal("expired", expired["status"]!.GetValue<string>());
        Assert.Equal("uncollectible", (await RenewalInvoiceAsync(partner, accountId))["status"]!.GetValue<string>());
    }

    private Task<bool> OldCardIsReleasedAsync(Partner partner, string profileId) =>
        Eventually.HoldsAsync(async () =>
            (await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{profileId}", token: partner.Token)).StatusCode == HttpStatusCode.NoContent,
            Settle);

    private async Task<Partner> MoveClockAsync(Partner partner, DateTimeOffset to)
    {
        await SandboxClock.MoveToAsync(client, to);
        return partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };
    }

    private async Task<System.Text.Json.Nodes.JsonNode> RenewalInvoiceAsync(Partner partner, string accountId)
    {
        return (await client.InvoicesOfAsync(partner, accountId)).Single(i => i!["purpose"]!.GetValue<string>() == "renewal")!;
    }

    public void Dispose() => client.Dispose();
}
