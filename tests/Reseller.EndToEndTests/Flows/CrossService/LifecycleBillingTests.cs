using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>Trial to paid, cancellation to expiry and a declined renewal recovered, across Accounts and Billing.</summary>
[RunsAlone]
public sealed class LifecycleBillingTests(ResellerSystem system) : IDisposable
{
    private const string AlwaysFailingCard = "4000000000000341";
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_trial_turned_paid_is_pending_then_active_with_its_first_period_paid()
    {
        var kit = CrossFlow.Kit(system, client);
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var id = (await kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();

        var converted = await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { billing_profile_id = card, plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, partner);
        Assert.Equal("pending", converted["status"]!.GetValue<string>());

        var active = await kit.WaitForStatusAsync(partner, id, "active");
        var invoice = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        Assert.Equal(CrossFlow.LessDiscount(4900, 10), invoice["total"]!["amount"]!.GetValue<long>());
        Assert.NotNull(active["current_period_end"]);
        Assert.Equal(DateOnly.FromDateTime(active["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime), CrossFlow.Date(invoice["period_end"]!));
    }

    [Fact]
    public async Task A_cancelled_account_is_not_renewed_expires_at_its_period_end_and_then_needs_a_plan_change()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");
        await kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner);
        await CrossFlow.WaitForBillingAsync(system, id, "status = 'Cancelled'");

        partner = await kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        await kit.WaitForStatusAsync(partner, id, "expired");
        await Task.Delay(TimeSpan.FromSeconds(2)); // Not a condition wait: time for a wrongful renewal invoice to appear.

        var invoices = await client.InvoicesOfAsync(partner, id);
        Assert.DoesNotContain(invoices, i => i!["purpose"]!.GetValue<string>() == "renewal");
        Assert.Single(invoices);
        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("renewal-requires-plan-change", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_renewal_is_recovered_by_renewing_with_a_good_card()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, firstCard, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var failing = await client.CreateBillingProfileAsync(partner, AlwaysFailingCard);
        await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { billing_profile_id = failing }, partner);
        Assert.True(await ReleasedAsync(partner, firstCard), "Billing never moved the account to the failing card.");

        partner = await kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        await kit.WaitForStatusAsync(partner, id, "payment_failed");
        var open = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "renewal");
        Assert.Equal("open", open["status"]!.GetValue<string>());

        var good = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var renewed = await kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { billing_profile_id = good }, partner);
        Assert.Equal(good, renewed["billing_profile_id"]!.GetValue<string>());

        await kit.WaitForStatusAsync(partner, id, "active");
        var paid = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "renewal", i => i["status"]!.GetValue<string>() == "paid");
        Assert.Equal(open["id"]!.GetValue<string>(), paid["id"]!.GetValue<string>());
        Assert.Equal(CrossFlow.LessDiscount(4900, 10), paid["total"]!["amount"]!.GetValue<long>());
        Assert.Single(await client.InvoicesOfAsync(partner, id), i => i!["purpose"]!.GetValue<string>() == "renewal");
    }

    private Task<bool> ReleasedAsync(Partner partner, string profileId) =>
        Eventually.HoldsAsync(async () =>
            (await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{profileId}", token: partner.Token)).StatusCode == HttpStatusCode.NoContent,
            CrossFlow.Settle);

    public void Dispose() => client.Dispose();
}
