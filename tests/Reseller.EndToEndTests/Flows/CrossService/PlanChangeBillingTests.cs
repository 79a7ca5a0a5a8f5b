using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>Plan and seat changes made on Accounts are billed by Billing, end to end through the gateway.</summary>
[RunsAlone]
public sealed class PlanChangeBillingTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_upgrade_issues_and_pays_a_proration_invoice_for_the_rest_of_the_period()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var first = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");

        await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "professional", contacts = 1000, cadence = "monthly" } }, partner);
        var today = DateOnly.FromDateTime((await kit.NowAsync()).UtcDateTime);

        var proration = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "proration", i => i["status"]!.GetValue<string>() == "paid");
        var expected = CrossFlow.LessDiscount(
            CrossFlow.Prorate(14900 - 4900, today, CrossFlow.Date(first["period_start"]!), CrossFlow.Date(first["period_end"]!)), 10);
        Assert.Equal(expected, proration["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(first["period_end"]!.GetValue<string>(), proration["period_end"]!.GetValue<string>());
        Assert.Equal(10, proration["discount_percent"]!.GetValue<int>());
    }

    [Fact]
    public async Task Added_seats_issue_and_pay_a_proration_invoice()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var first = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");

        await kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 2 }, partner);
        var today = DateOnly.FromDateTime((await kit.NowAsync()).UtcDateTime);

        var proration = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "proration", i => i["status"]!.GetValue<string>() == "paid");
        var expected = CrossFlow.LessDiscount(
            CrossFlow.Prorate(2 * 1500, today, CrossFlow.Date(first["period_start"]!), CrossFlow.Date(first["period_end"]!)), 10);
        Assert.Equal(expected, proration["total"]!["amount"]!.GetValue<long>());
        // Accounts numbered the change and Billing recorded it: the next change is applied only after this one.
        await CrossFlow.WaitForBillingAsync(system, id, "plan_revision = 1");
    }

    [Fact]
    public async Task A_downgrade_is_scheduled_applied_at_the_renewal_and_the_renewal_is_priced_on_the_new_plan()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var downgraded = await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "lite", contacts = 1000, cadence = "monthly" } }, partner);
        Assert.Equal("plus", downgraded["plan"]!["tier"]!.GetValue<string>());
        Assert.Equal("lite", downgraded["scheduled_plan"]!["tier"]!.GetValue<string>());
        Assert.Equal("lite", (await kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, partner))["scheduled_plan"]!["tier"]!.GetValue<string>());

        await CrossFlow.WaitForBillingAsync(system, id, "scheduled_plan IS NOT NULL");
        var periodEnd = account["current_period_end"]!.GetValue<DateTimeOffset>();
        partner = await kit.MoveClockAsync(partner, Later(await kit.NowAsync(), periodEnd.AddHours(1)));

        var renewal = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "renewal", i => i["status"]!.GetValue<string>() == "paid");
        Assert.Equal(CrossFlow.LessDiscount(2900, 10), renewal["total"]!["amount"]!.GetValue<long>());
        var renewed = await client.WaitForAccountAsync(partner, id, a => a["plan"]!["tier"]!.GetValue<string>() == "lite", CrossFlow.Settle);
        Assert.Equal("lite", renewed["plan"]!["tier"]!.GetValue<string>());
        Assert.Null(renewed["scheduled_plan"]);
        Assert.Equal("active", renewed["status"]!.GetValue<string>());
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a.AddMinutes(1) : b;

    public void Dispose() => client.Dispose();
}
