using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// An account whose renewal was declined runs on in dunning while the renewal, priced on its plan then, waits to be paid.
/// An upgrade made meanwhile was billed nothing (it fell after the end of the period paid), so the renewal, once paid,
/// paid for a whole period on the upgraded plan at the old price. It is prorated over the renewal's period instead, and
/// given back should the account end without paying that renewal. A new cadence chosen then starts where that period ends.
/// </summary>
public sealed class UpgradeOnUnpaidRenewalTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private static readonly AccountPlan Professional = Plus with { Tier = "professional" };
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task An_upgrade_made_while_the_renewal_is_in_dunning_is_prorated_over_the_renewals_period()
    {
        var (accountId, renewal) = await RenewalDeclinedAsync();
        var changedAt = At(renewal.PeriodStart.AddDays(3));

        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Professional, null, changedAt));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration)),
            "The upgrade made in dunning was never billed.");
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.Equal((renewal.PeriodStart.AddDays(3), renewal.PeriodEnd), (proration.PeriodStart, proration.PeriodEnd));
        var days = renewal.PeriodEnd.DayNumber - renewal.PeriodStart.DayNumber;
        Assert.NotEmpty(proration.Lines);
        Assert.All(proration.Lines, line => Assert.EndsWith($"change prorated for {days - 3} of {days} days", line.Description, StringComparison.Ordinal));
        Assert.True(proration.Total > 0);
        Assert.Equal("professional", (await billing.AccountAsync(accountId)).Plan.Tier);
    }

    [Fact]
    public async Task An_upgrade_paid_while_the_renewal_was_in_dunning_is_credited_in_full_and_refunded_once_that_renewal_is_written_off()
    {
        var (accountId, renewal) = await RenewalDeclinedAsync();
        var declining = (await billing.AccountAsync(accountId)).BillingProfileId!.Value;
        // A card that pays is chosen for the upgrade, then the declining one again before the renewal's retries.
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId), DateTimeOffset.UtcNow);
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Professional, null, At(renewal.PeriodStart.AddDays(1))));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The upgrade made in dunning was never paid.");
        await billing.ChooseCardAsync(accountId, partnerId, declining, DateTimeOffset.UtcNow.AddSeconds(1));

        foreach (var day in new[] { 1, 3, 5 })
        {
            await billing.RunAsync<DunningJob>(renewal.FirstFailedAt!.Value.AddDays(day).AddMinutes(1));
        }

        Assert.Equal(InvoiceStatus.Uncollectible, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        // Accounts expires the account on the last failure.
        await billing.PublishAsync(new AccountStatusChanged(accountId, partnerId, AccountStatuses.PaymentFailed, AccountStatuses.Expired, "monthly", Payers.Partner,
            renewal.FirstFailedAt!.Value.AddDays(5).AddMinutes(2)));
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(c => c.InvoiceId == proration.Id && c.ProviderRefundId != null)),
            "The upgrade of the written-off period was never refunded.");
        var note = Assert.Single(await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == proration.Id).ToListAsync()));
        Assert.Equal((proration.Total, proration.CardCharged), (note.Amount, note.CardRefund));
        Assert.Equal("Plan change cancelled: the account ended before the period it was for, which was never paid", note.Reason);
    }

    [Fact]
    public async Task An_upgrade_in_dunning_from_a_plan_whose_downgrade_the_renewal_already_priced_is_billed_over_that_lower_plan()
    {
        var enterprise = Plus with { Tier = "enterprise" };
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Professional);
        // A downgrade to plus waits for the renewal; Accounts keeps showing professional until that renewal is paid.
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Professional, Professional, Plus, DateTimeOffset.UtcNow, Revision: 1));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).ScheduledPlan != null),
            "The downgrade was never scheduled.");
        var renewal = await DeclinedRenewalAsync(accountId);
        var changedOn = renewal.PeriodStart.AddDays(1);

        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Professional, enterprise, null, At(changedOn), Revision: 2));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration)),
            "The upgrade made in dunning was never billed.");
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        // Enterprise adds 21,000 a month over plus, the plan the renewal priced, and 11,000 over professional: billed for 21,000.
        var days = renewal.PeriodEnd.DayNumber - renewal.PeriodStart.DayNumber;
        var remaining = renewal.PeriodEnd.DayNumber - changedOn.DayNumber;
        Assert.True(proration.Total > 11_000L * remaining / days, $"{proration.Total} is no more than enterprise adds over professional");
        Assert.True(proration.Total <= 21_000L * remaining / days + 1, $"{proration.Total} is more than enterprise adds over plus");
    }

    [Fact]
    public async Task A_switch_to_annual_made_while_the_renewal_is_in_dunning_starts_its_year_where_that_renewals_period_ends()
    {
        var (accountId, renewal) = await RenewalDeclinedAsync();
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId), DateTimeOffset.UtcNow);
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Cadence = "annual" }, null, At(renewal.PeriodStart.AddDays(2))));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).ScheduledPlan != null),
            "The switch to annual was never taken in.");

        // The card chosen pays the monthly renewal at its first retry; the next renewal is the first year.
        await billing.RunAsync<DunningJob>(renewal.FirstFailedAt!.Value.AddDays(1).AddMinutes(1));
        Assert.Equal(InvoiceStatus.Paid, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        await billing.RunAsync<RenewalJob>(At(renewal.PeriodEnd).AddHours(1));

        Assert.Empty(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        var year = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal), i => i.Id != renewal.Id);
        Assert.Equal((renewal.PeriodEnd, renewal.PeriodEnd.AddYears(1)), (year.PeriodStart, year.PeriodEnd));
        Assert.Equal("annual", (await billing.AccountAsync(accountId)).Plan.Cadence);
    }

    /// <summary>A partner-paid account whose card declines from its first renewal on: that renewal, open in dunning.</summary>
    private async Task<(Guid AccountId, Invoice Renewal)> RenewalDeclinedAsync()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus);
        return (accountId, await DeclinedRenewalAsync(accountId));
    }

    /// <summary>The account's card is moved to one that declines, and its renewal is then run: that renewal, open in dunning.</summary>
    private async Task<Invoice> DeclinedRenewalAsync(Guid accountId)
    {
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId, "card_declined"), DateTimeOffset.UtcNow);
        var periodEnd = (await billing.AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(At(periodEnd).AddHours(1));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.FailedAttempts == 1)),
            "The renewal charge never failed.");
        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal((InvoiceStatus.Open, AccountStatus.PaymentFailed), (renewal.Status, (await billing.AccountAsync(accountId)).Status));
        return renewal;
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
