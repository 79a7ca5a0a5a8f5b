using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Bills a plan change (AccountPlanChanged): a trial turned paid starts its first period at the change date; a new cadence,
/// or a new plan for an expired account, starts a new period at the change date less the unused part of what its payer paid
/// of the period (<see cref="UnusedPeriod"/>); an upgrade or added seats within the period is charged now for the rest of
/// it, prorated. The scheduled plan waits for the next renewal. Runs inside the caller's transaction; returns what to do
/// after commit (<see cref="Billed"/>).
/// The quote of a change (POST /quotes with account_id) prices it with the same <see cref="PriceAsync"/>.
/// </summary>
public sealed class PlanChangeInvoicer(
    BillingDb db, PlanPricer pricer, PeriodInvoicer invoicer, UnusedPeriod unusedPeriod, Issuing.InvoiceHeadings headings)
{
    /// <summary>The line that credits the unused part of a period paid, against the price of a new cadence; never discounted.</summary>
    public const string UnusedCreditCode = "unused_credit";

    /// <summary>
    /// What a plan change leaves to do after commit: the payment to charge, if any, and the credit notes whose card part to
    /// refund (another payer's unused rest of a period a new cadence ended).
    /// </summary>
    public sealed record Billed(Guid? PaymentId, IReadOnlyList<CreditNote> Refunds)
    {
        public static readonly Billed Nothing = new(null, []);

        public static Billed Charge(Guid? paymentId) => new(paymentId, []);
    }

    public async Task<Billed> ApplyAsync(BilledAccount account, AccountPlanChanged change, CancellationToken cancellationToken)
    {
        var changedOn = DateOnly.FromDateTime(change.ChangedAt.UtcDateTime);
        var payerAtChange = change.Payer ?? account.Payer;
        if (change.BillingProfileId is { } card && card != account.BillingProfileId && payerAtChange == account.Payer
            && await PayerCards.BelongToPayerAsync(db, account, account.Payer, card, cancellationToken))
        {
            // The account's card at the change: a trial turned paid, or an expired account restarted, may name a new card in
            // the same request, and that card's own event may arrive after this one. The later of the two choices holds.
            account.ChooseCard(card, change.ChangedAt);
        }
        var charge = await PriceAsync(account, change.Previous, change.Current, changedOn, cancellationToken);
        if (charge is null)
        {
            if (IsNewCadenceOnUnpaidRenewal(account, change, changedOn))
            {
                // Scheduled, so the renewal after the unpaid one starts the new cadence's anniversary (ApplyScheduledPlan).
                account.ChangePlan(change.Previous, change.Current);
            }
            else
            {
                account.ChangePlan(change.Current, change.Scheduled);
            }
            return Billed.Nothing;
        }
        if (!charge.StartsNewPeriod && payerAtChange != account.Payer)
        {
            account.ChangePlan(change.Current, change.Scheduled);
            return Billed.Charge(await BillPayerAtChangeAsync(account, change, payerAtChange, changedOn, cancellationToken));
        }
        IReadOnlyList<CreditNote> refunds = [];
        if (charge.EndsPeriodPaidAt is { } newInvoice)
        {
            refunds = await unusedPeriod.RefundUncreditedAsync(account, account.Payer, changedOn, newInvoice, cancellationToken);
        }
        if (charge.StartsNewPeriod)
        {
            account.Reanchor(change.Current, changedOn, change.ChangedAt);
        }
        else
        {
            account.ChangePlan(change.Current, change.Scheduled);
        }
        var payment = await invoicer.InvoiceAsync(account,
            new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, charge.Purpose, charge.PeriodStart, charge.PeriodEnd), charge.Price, cancellationToken);
        account.ChangePlan(change.Current, change.Scheduled);
        return new Billed(payment, refunds);
    }

    /// <summary>
    /// A change made before a move Billing has applied since: it was made by the partner and payer who held the account then,
    /// so it is theirs to pay, on the card it names, whatever order the events arrived in. Its plan is no longer the account's
    /// (a move-in carries the plan as it then was; a moved-out account is not billed), so only what it added over the rest
    /// of the period paid at the change is billed, prorated; a change that would start a new period (a trial turned paid, a
    /// new cadence) starts nothing on an account that has moved since. Changes nothing on the account; returns the payment
    /// to charge after commit, if any.
    /// </summary>
    public async Task<Guid?> BillFormerHolderAsync(BilledAccount account, AccountPlanChanged change, CancellationToken cancellationToken)
    {
        var changedOn = DateOnly.FromDateTime(change.ChangedAt.UtcDateTime);
        if (change.Current.Cadence != change.Previous.Cadence
            || account.CurrentPeriodStart is not { } start || account.CurrentPeriodEnd is not { } end
            || changedOn < start || changedOn >= end)
        {
            return null;
        }
        var payer = change.Payer ?? Payers.Partner;
        var percent = await invoicer.DiscountPercentAsync(change.PartnerId, payer, account.AccountId, cancellationToken);
        if (Prorate(change.Previous, change.Current, changedOn, start, end, percent) is not { } charge)
        {
            return null;
        }
        return await invoicer.InvoiceAsync(account,
            new IssueInvoice(change.PartnerId, account.AccountId, payer, charge.Purpose, charge.PeriodStart, charge.PeriodEnd), charge.Price,
            change.BillingProfileId, cancellationToken);
    }

    /// <summary>
    /// An upgrade or added seats made while another payer paid for the account (the partner, before its client took over
    /// paying, or the other way round) and heard after the switch: the payer who made it pays for the rest of the period, at
    /// its own price (the partner's discount, a customer's list price), on that payer's card, not the new payer.
    /// </summary>
    private async Task<Guid?> BillPayerAtChangeAsync(BilledAccount account, AccountPlanChanged change, string payer, DateOnly changedOn, CancellationToken cancellationToken)
    {
        var percent = await invoicer.DiscountPercentAsync(account.PartnerId, payer, account.AccountId, cancellationToken);
        if (await PeriodInServiceAsync(account, changedOn, cancellationToken) is not (var start, var end)
            || Prorate(PlanBefore(account, change.Previous, changedOn), change.Current, changedOn, start, end, percent) is not { } charge)
        {
            return null;
        }
        return await invoicer.InvoiceAsync(account,
            new IssueInvoice(account.PartnerId, account.AccountId, payer, charge.Purpose, charge.PeriodStart, charge.PeriodEnd), charge.Price,
            change.BillingProfileId ?? await PayerCards.ForInvoiceAsync(db, account, payer, cancellationToken), cancellationToken);
    }

    /// <summary>What changing the account from <paramref name="previous"/> to <paramref name="current"/> on that day charges now (null: nothing); changes nothing.</summary>
    public async Task<PlanChangeCharge?> PriceAsync(BilledAccount account, AccountPlan previous, AccountPlan current, DateOnly changedOn, CancellationToken cancellationToken)
    {
        if (current.Cadence == PlanCadences.Trial || account.Status is AccountStatus.Transferred or AccountStatus.Pending)
        {
            return null;
        }
        if (previous.Cadence == PlanCadences.Trial || account.Status is AccountStatus.Trial or AccountStatus.Expired || account.HasRunOut(changedOn))
        {
            var purpose = account.Status is AccountStatus.Expired or AccountStatus.Cancelled ? InvoicePurposes.PlanChange : InvoicePurposes.FirstPeriod;
            var price = pricer.Price(current, await invoicer.DiscountPercentAsync(account, cancellationToken));
            return new PlanChangeCharge(purpose, changedOn, AnniversarySchedule.PeriodStart(changedOn, current.Cadence, 1), price, StartsNewPeriod: true);
        }
        if (!account.IsInPaidPeriod)
        {
            return null;
        }
        if (current.Cadence != previous.Cadence)
        {
            // Chosen on a renewal not paid yet, the new cadence starts when that renewal's period ends: the renewal pays its
            // period as it was priced.
            return account.IsPastPeriodPaid(changedOn) ? null : await NewCadenceAsync(account, current, changedOn, cancellationToken);
        }
        return await PeriodInServiceAsync(account, changedOn, cancellationToken) is (var start, var end)
            ? Prorate(PlanBefore(account, previous, changedOn), current, changedOn, start, end, await invoicer.DiscountPercentAsync(account, cancellationToken))
            : null;
    }

    /// <summary>
    /// The plan a change adds to. On a renewal not paid yet, the plan that renewal priced, which is Billing's: a downgrade
    /// scheduled before it became the plan with it, while Accounts may still name the plan before the downgrade as the one
    /// changed from, and the upgrade would then be billed only for what it adds over that higher plan.
    /// </summary>
    private static AccountPlan PlanBefore(BilledAccount account, AccountPlan previous, DateOnly changedOn) =>
        account.IsPastPeriodPaid(changedOn) ? account.Plan : previous;

    private static bool IsNewCadenceOnUnpaidRenewal(BilledAccount account, AccountPlanChanged change, DateOnly changedOn) =>
        change.Current.Cadence != change.Previous.Cadence && change.Previous.Cadence != PlanCadences.Trial && change.Current.Cadence != PlanCadences.Trial
        && account.IsInPaidPeriod && account.IsPastPeriodPaid(changedOn);

    /// <summary>
    /// The period the account runs in on that day: the period paid, or past its end the period of a renewal issued and not paid
    /// yet (its charge under way, or declined and in dunning), which the account runs on meanwhile. An upgrade made then is
    /// prorated over that renewal's period: the renewal, priced on the plan before, would otherwise pay for the whole period on
    /// the plan after. Null when the account runs in no period that day.
    /// </summary>
    private async Task<(DateOnly Start, DateOnly End)?> PeriodInServiceAsync(BilledAccount account, DateOnly changedOn, CancellationToken cancellationToken)
    {
        if (account.CurrentPeriodStart is not { } start || account.CurrentPeriodEnd is not { } end)
        {
            return null;
        }
        if (!account.IsPastPeriodPaid(changedOn))
        {
            return (start, end);
        }
        var renewal = await db.Invoices.AsNoTracking()
            .Where(i => i.AccountId == account.AccountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Open
                && i.PeriodStart <= changedOn && changedOn < i.PeriodEnd)
            .Select(i => new { i.PeriodStart, i.PeriodEnd })
            .FirstOrDefaultAsync(cancellationToken);
        return renewal is null ? null : (renewal.PeriodStart, renewal.PeriodEnd);
    }

    /// <summary>What <paramref name="current"/> adds over <paramref name="previous"/> from the change to the period's end, discounted; null when nothing.</summary>
    private PlanChangeCharge? Prorate(AccountPlan previous, AccountPlan current, DateOnly changedOn, DateOnly start, DateOnly end, int discountPercent)
    {
        var listNow = pricer.Price(current, 0);
        var lines = Proration.Difference(pricer.Price(previous, 0).Lines, listNow.Lines, changedOn, start, end);
        var price = new PriceBreakdown(lines.Select(l => l.WithDiscountPercent(discountPercent)).ToList(), listNow.Currency, discountPercent);
        return price.Total <= 0 ? null : new PlanChangeCharge(InvoicePurposes.Proration, changedOn, end, price, StartsNewPeriod: false);
    }

    /// <summary>
    /// A new period on the new cadence from the change day, less the unused rest of what the account's payer itself paid for
    /// the period it ends at the new invoice's tax; what another payer paid of that period, or the payer at another tax, is
    /// refunded to it when the change is applied.
    /// </summary>
    private async Task<PlanChangeCharge> NewCadenceAsync(BilledAccount account, AccountPlan current, DateOnly changedOn, CancellationToken cancellationToken)
    {
        var (start, end) = (account.CurrentPeriodStart!.Value, account.CurrentPeriodEnd!.Value);
        var price = pricer.Price(current, await invoicer.DiscountPercentAsync(account, cancellationToken));
        var heading = await headings.ForAsync(account.PartnerId, account.AccountId, account.Payer, cancellationToken);
        var credit = Math.Min(await unusedPeriod.PayersOwnAsync(account, account.Payer, changedOn, heading, cancellationToken), price.Total);
        if (credit > 0)
        {
            price = price with
            {
                Lines = [.. price.Lines, PriceLine.Of(UnusedCreditCode, new LineText.UnusedPeriod(start, end), 1, -credit, discountable: false)],
            };
        }
        return new PlanChangeCharge(InvoicePurposes.PlanChange, changedOn, AnniversarySchedule.PeriodStart(changedOn, current.Cadence, 1), price, StartsNewPeriod: true,
            EndsPeriodPaidAt: heading);
    }
}
