using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Pricing;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A switch from monthly to annual bills the new year at once; until its charge is answered the account stays active on
/// its month. Its month's end must not renew it too: that renewal would bill the year the switch is billing.
/// </summary>
public sealed class SwitchUnderWayAtRenewalTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task An_account_whose_switch_to_annual_is_still_being_charged_is_not_renewed_for_the_same_year()
    {
        var card = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        var monthEnd = (await billing.AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        var switchedOn = monthEnd.AddDays(-1);
        var year = Invoice.Issue(new IssueInvoice(partnerId, accountId, Payers.Partner, InvoicePurposes.PlanChange, switchedOn, switchedOn.AddYears(1)),
            "RSL-TEST-000001", new PriceBreakdown([new PriceLine("plan", "Marketing plus, annual", 1, 49000, true)], "USD", 0), DateTimeOffset.UtcNow);
        await billing.InScopeAsync(async db =>
        {
            db.Invoices.Add(year);
            await db.SaveChangesAsync();
        });

        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);

        Assert.Empty(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));

        // Once no switch is under way (its charge declined puts the account in dunning; here the invoice is voided), the
        // month's end renews the account as any other.
        await billing.InScopeAsync(async db =>
        {
            (await db.Invoices.SingleAsync(i => i.Id == year.Id)).Void();
            await db.SaveChangesAsync();
        });
        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.Equal(monthEnd, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).PeriodStart);
    }
}
