using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>Accounts that ran out (an expired trial, an expired paid account) come back by a plan change that Billing charges.</summary>
[RunsAlone]
public sealed class ReactivationTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_expired_paid_account_comes_back_active_by_a_plan_change_charged_for_a_new_period()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");
        await kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner);
        await CrossFlow.WaitForBillingAsync(system, id, "status = 'Cancelled'");
        partner = await kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        await kit.WaitForStatusAsync(partner, id, "expired");
        await CrossFlow.WaitForSummaryAsync(client, partner, 0);

        await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "professional", contacts = 1000, cadence = "monthly" } }, partner);
        var today = DateOnly.FromDateTime((await kit.NowAsync()).UtcDateTime);

        var active = await kit.WaitForStatusAsync(partner, id, "active");
        var invoice = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "plan_change", i => i["status"]!.GetValue<string>() == "paid");
        Assert.Equal(CrossFlow.LessDiscount(14900, 10), invoice["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(today, CrossFlow.Date(invoice["period_start"]!));
        Assert.Equal(today.AddMonths(1), DateOnly.FromDateTime(active["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime));
        await CrossFlow.WaitForSummaryAsync(client, partner, 1);
    }

    [Fact]
    public async Task An_expired_trial_turned_paid_is_charged_its_first_period_and_becomes_active()
    {
        var kit = CrossFlow.Kit(system, client);
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var id = (await kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();
        partner = await kit.MoveClockAsync(partner, (await kit.NowAsync()).AddDays(15));
        await kit.WaitForStatusAsync(partner, id, "expired");

        await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { billing_profile_id = card, plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, partner);

        await kit.WaitForStatusAsync(partner, id, "active");
        var invoices = await client.InvoicesOfAsync(partner, id);
        var paid = Assert.Single(invoices)!;
        Assert.Equal("paid", paid["status"]!.GetValue<string>());
        Assert.Equal(CrossFlow.LessDiscount(4900, 10), paid["total"]!["amount"]!.GetValue<long>());
        await CrossFlow.WaitForSummaryAsync(client, partner, 1);
    }

    public void Dispose() => client.Dispose();
}
