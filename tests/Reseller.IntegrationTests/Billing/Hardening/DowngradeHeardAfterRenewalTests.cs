using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A partner downgrades an account from professional to plus before its renewal, and Billing hears of it only after the
/// renewal job has issued that renewal on professional (the event was behind the job). Accounts brings plus into force when
/// that renewal is paid, so the renewal is brought to plus's price: credited and refunded if paid, replaced in dunning if
/// declined, once its charge answers if under way. A downgrade made after the renewal was issued waits for the next one.
/// </summary>
public sealed class DowngradeHeardAfterRenewalTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Professional = new("marketing", "professional", 1000, 3, [], "monthly");
    private static readonly AccountPlan Plus = Professional with { Tier = "plus" };
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_renewal_paid_on_the_plan_before_is_credited_down_to_the_downgrades_price_and_refunded()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Professional);
        var downgradedAt = DateTimeOffset.UtcNow;
        var renewal = await RenewedAsync(accountId, InvoiceStatus.Paid);

        await billing.PublishAsync(Downgrade(accountId, downgradedAt));

        var note = await RefundedNoteAsync(renewal);
        Assert.Equal(renewal.Total - await TotalOnAsync(Plus, renewal), note.Amount);
        Assert.Equal(note.Amount, note.CardRefund);
        Assert.Equal("Downgrade applied to this renewal: it was made before the renewal was issued", note.Reason);
        await AssertTheNextRenewalIsOnPlusAsync(accountId, renewal);
    }

    [Fact]
    public async Task Two_downgrades_made_before_a_paid_renewal_and_heard_after_it_never_credit_more_than_it_charged_over_the_lower()
    {
        var lite = Professional with { Tier = "lite", Seats = 1 };
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Professional);
        var downgradedAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var renewal = await RenewedAsync(accountId, InvoiceStatus.Paid);

        // To lite, then (the partner changing its mind) to plus: both before the renewal, both heard after it.
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Professional, Professional, lite, downgradedAt, Payer: Payers.Partner, Revision: 1));
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Professional, Professional, Plus, downgradedAt.AddSeconds(1), Payer: Payers.Partner, Revision: 2));

        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).PlanRevision == 2),
            "The second downgrade was never applied.");
        var note = await RefundedNoteAsync(renewal);
        Assert.Equal(renewal.Total - await TotalOnAsync(lite, renewal), note.Amount);
        Assert.Equal("plus", (await billing.AccountAsync(accountId)).Plan.Tier);
    }

    [Fact]
    public async Task A_renewal_in_dunning_is_replaced_at_the_downgrades_price_and_its_dunning_carries_on()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Professional);
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId, "card_declined"), DateTimeOffset.UtcNow);
        var downgradedAt = DateTimeOffset.UtcNow;
        var renewal = await RenewedAsync(accountId, InvoiceStatus.Open);
        Assert.Equal(1, renewal.FailedAttempts);

        await billing.PublishAsync(Downgrade(accountId, downgradedAt));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.Id == renewal.Id && i.Status == InvoiceStatus.Void)),
            "The renewal priced on professional was never replaced.");
        var replacement = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal), i => i.Id != renewal.Id);
        Assert.Equal((InvoiceStatus.Open, renewal.PeriodStart, renewal.PeriodEnd), (replacement.Status, replacement.PeriodStart, replacement.PeriodEnd));
        Assert.Equal(await TotalOnAsync(Plus, renewal), replacement.Total);
        Assert.Equal((renewal.FailedAttempts, renewal.FirstFailedAt, renewal.NextRetryAt), (replacement.FailedAttempts, replacement.FirstFailedAt, replacement.NextRetryAt));
        Assert.Empty(await billing.QueryAsync(db => db.Payments.Where(p => p.InvoiceId == replacement.Id).ToListAsync()));
        Assert.Equal(AccountStatus.PaymentFailed, (await billing.AccountAsync(accountId)).Status);

        // A card that pays is chosen; dunning's first retry pays the replacement, at plus's price.
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId), DateTimeOffset.UtcNow);
        await billing.RunAsync<DunningJob>(replacement.NextRetryAt!.Value.AddMinutes(1));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.Id == replacement.Id && i.Status == InvoiceStatus.Paid)),
            "Dunning never paid the replacement.");
        var paid = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == replacement.Id && p.Status == PaymentStatus.Succeeded));
        Assert.Equal(replacement.Total, paid.Amount);
        Assert.Equal(InvoiceStatus.Void, (await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == renewal.Id))).Status);
        await AssertTheNextRenewalIsOnPlusAsync(accountId, replacement);
    }

    [Fact]
    public async Task A_downgrade_heard_while_the_renewals_charge_is_under_way_waits_for_its_answer_then_credits_it()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Professional);
        var downgradedAt = DateTimeOffset.UtcNow;
        var paymentId = await billing.InvoiceRenewalAsync(accountId);

        var message = await billing.PublishAsync(Downgrade(accountId, downgradedAt));
        Assert.True(await billing.DeferredAsync(message), "The downgrade did not wait for the renewal's charge.");
        Assert.Empty(await billing.QueryAsync(db => db.CreditNotes.Where(c => c.AccountId == accountId).ToListAsync()));

        await billing.RecordChargeAnswerAsync(paymentId, ChargeResult.Success("ch_renewal_under_way"));

        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(InvoiceStatus.Paid, renewal.Status);
        var note = await RefundedNoteAsync(renewal);
        Assert.Equal(renewal.Total - await TotalOnAsync(Plus, renewal), note.Amount);
        await AssertTheNextRenewalIsOnPlusAsync(accountId, renewal);
    }

    [Fact]
    public async Task A_downgrade_made_after_the_renewal_was_issued_waits_for_the_renewal_after_it()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Professional);
        var renewal = await RenewedAsync(accountId, InvoiceStatus.Paid);

        await billing.PublishAsync(Downgrade(accountId, DateTimeOffset.UtcNow));

        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).ScheduledPlan != null),
            "The downgrade was never scheduled.");
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(("professional", "plus"), (account.Plan.Tier, account.ScheduledPlan!.Tier));
        Assert.Empty(await billing.QueryAsync(db => db.CreditNotes.Where(c => c.InvoiceId == renewal.Id).ToListAsync()));
        await AssertTheNextRenewalIsOnPlusAsync(accountId, renewal);
    }

    private AccountPlanChanged Downgrade(Guid accountId, DateTimeOffset at) =>
        new(accountId, partnerId, Professional, Professional, Plus, at, Payer: Payers.Partner, Revision: 1);

    /// <summary>The renewal job run on the account's period end: its renewal, priced on professional, with the status it ends in.</summary>
    private async Task<Invoice> RenewedAsync(Guid accountId, InvoiceStatus status)
    {
        var periodEnd = (await billing.AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(At(periodEnd).AddHours(1));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal
            && i.Status == status && (status != InvoiceStatus.Open || i.FailedAttempts > 0))), $"The renewal never became {status}.");
        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(await TotalOnAsync(Professional, renewal), renewal.Total);
        return renewal;
    }

    private async Task<CreditNote> RefundedNoteAsync(Invoice renewal)
    {
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(c => c.InvoiceId == renewal.Id && c.ProviderRefundId != null)),
            "The renewal's overcharge was never refunded.");
        return Assert.Single(await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == renewal.Id).ToListAsync()));
    }

    /// <summary>What the renewal costs on the plan, at the discount and tax it was issued with.</summary>
    private Task<long> TotalOnAsync(AccountPlan plan, Invoice renewal) => billing.WithServicesAsync(services =>
    {
        var net = services.GetRequiredService<PlanPricer>().Price(plan, renewal.DiscountPercent).Total;
        return Task.FromResult(net + TaxRule.Tax(net, renewal.TaxRate));
    });

    /// <summary>The account runs on plus and the renewal after <paramref name="paid"/> is priced on plus.</summary>
    private async Task AssertTheNextRenewalIsOnPlusAsync(Guid accountId, Invoice paid)
    {
        await billing.RunAsync<RenewalJob>(At(paid.PeriodEnd).AddHours(1));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.PeriodStart == paid.PeriodEnd)),
            "The renewal after was never issued.");
        var next = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal), i => i.PeriodStart == paid.PeriodEnd);
        Assert.Equal(await TotalOnAsync(Plus, next), next.Total);
        var account = await billing.AccountAsync(accountId);
        Assert.Equal("plus", account.Plan.Tier);
        Assert.Null(account.ScheduledPlan);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
