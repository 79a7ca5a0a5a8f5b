using System.Net;

using Reseller.AppHost;
using Reseller.EndToEndTests.Flows.Credits;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows;

/// <summary>
/// The business metrics at each service's /metrics (the names deploy/prometheus/reseller-alerts.yml queries) after the
/// flows that move them. Other tests share the system, so counters are compared with their value before the flow.
/// </summary>
public sealed class BusinessMetricsTests(ResellerSystem system) : IDisposable
{
    private static readonly TimeSpan GaugeTimeout = TimeSpan.FromSeconds(60);
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Paid_and_declined_accounts_move_the_account_invoice_payment_and_charge_metrics()
    {
        var accountsBefore = await ScrapeAsync(ResellerResources.Accounts.Name);
        var billingBefore = await ScrapeAsync(ResellerResources.Billing.Name);

        var partner = await client.CreatePartnerAsync();
        var goodCard = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var declinedCard = await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);
        Assert.Equal("active", (await client.CreateSettledAccountAsync(partner, goodCard))["status"]!.GetValue<string>());
        Assert.Equal("payment_failed", (await client.CreateSettledAccountAsync(partner, declinedCard))["status"]!.GetValue<string>());

        var accounts = await ScrapeAsync(ResellerResources.Accounts.Name);
        var billing = await ScrapeAsync(ResellerResources.Billing.Name);
        Assert.True(Increase(accountsBefore, accounts, "reseller_accounts_created_total", ("product", "marketing"), ("cadence", "monthly")) >= 2, accounts.Names);
        Assert.True(Increase(billingBefore, billing, "reseller_invoices_issued_total", ("purpose", "first_period")) >= 2, billing.Names);
        Assert.True(Increase(billingBefore, billing, "reseller_payments_total", ("outcome", "succeeded")) >= 1, billing.Names);
        Assert.True(Increase(billingBefore, billing, "reseller_payments_total", ("outcome", "failed")) >= 1, billing.Names);
        Assert.True(Increase(billingBefore, billing, "reseller_charge_duration_seconds_count") >= 2, billing.Names);

        // Observable gauges, refreshed from the database every few seconds.
        await WaitForAsync(ResellerResources.Accounts.Name, m => m.Sum("reseller_accounts_status", ("status", "active")) >= 1
            && m.Sum("reseller_accounts_status", ("status", "payment_failed")) >= 1);
        await WaitForAsync(ResellerResources.Billing.Name, m => m.Has("reseller_renewal_lag_seconds") && m.Has("reseller_dunning_backlog")
            && m.Has("reseller_payments_unreconciled")
            && m.Has("reseller_error_queue_depth"));
    }

    [Fact]
    public async Task Consumed_credits_replays_and_lockouts_are_counted()
    {
        var creditsBefore = await ScrapeAsync(ResellerResources.Credits.Name);
        var billingBefore = await ScrapeAsync(ResellerResources.Billing.Name);
        var partnersBefore = await ScrapeAsync(ResellerResources.Partners.Name);

        var partner = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();
        var profile = new { name = "Main card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } };
        var first = await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", profile, partner.Token, idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", profile, partner.Token, idempotencyKey: key);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var card = (await GatewayClient.JsonAsync(first, HttpStatusCode.Created))["id"]!.GetValue<string>();

        var accountId = (await client.CreateAccountAsync(partner, card))["id"]!.GetValue<string>();
        await client.PurchaseAsync(partner, "compatibility", 100);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "compatibility") == 100);
        await GatewayClient.JsonAsync(await client.AssignWhenKnownAsync(partner, "compatibility", accountId, 10), HttpStatusCode.Created);
        await client.WaitUntilInServiceAsync(partner.Token, accountId);
        await GatewayClient.JsonAsync(await client.ConsumeAsync(partner.Token, accountId, "compatibility", 3), HttpStatusCode.Created);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = "wrong password" }), HttpStatusCode.Unauthorized);
        }

        var credits = await ScrapeAsync(ResellerResources.Credits.Name);
        var billing = await ScrapeAsync(ResellerResources.Billing.Name);
        var partners = await ScrapeAsync(ResellerResources.Partners.Name);
        Assert.True(Increase(creditsBefore, credits, "reseller_credits_consumed_total", ("kind", "compatibility")) >= 3, credits.Names);
        Assert.True(Increase(billingBefore, billing, "reseller_idempotency_replays_total") >= 1, billing.Names);
        Assert.True(Increase(billingBefore, billing, "reseller_invoices_issued_total", ("purpose", "credit_purchase")) >= 1, billing.Names);
        Assert.True(Increase(partnersBefore, partners, "reseller_logins_locked_out_total") >= 1, partners.Names);
    }

    private static double Increase(MetricsScrape before, MetricsScrape after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    private Task<MetricsScrape> ScrapeAsync(string service) =>
        MetricsScrape.OfAsync(system, service);

    private async Task WaitForAsync(string service, Func<MetricsScrape, bool> condition) =>
        await Eventually.ReadAsync(() => ScrapeAsync(service), condition, GaugeTimeout, $"{service}'s metrics to reach the expected values", scrape => scrape.Names);

    public void Dispose() => client.Dispose();
}
