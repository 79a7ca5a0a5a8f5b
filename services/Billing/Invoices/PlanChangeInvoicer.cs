using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Bills a plan change (AccountPlanChanged): a trial turned paid starts its first period at the change date; a new cadence,
/// or a new plan for an expired account, starts a new period at the change date less the unused part of the period paid;
/// an upgrade or added seats within the period is charged now for the rest of it, prorated. The scheduled plan waits for
/// the next renewal. Runs inside the caller's transaction; returns the payment to charge after commit, if any.
/// </summary>
public sealed class PlanChangeInvoicer(BillingDb db, PlanPricer pricer, PeriodInvoicer invoicer)
{
    public async Task<Guid?> ApplyAsync(BilledAccount account, AccountPlanChanged change, CancellationToken cancellationToken)
    {
        var changedOn = DateOnly.FromDateTime(change.ChangedAt.UtcDateTime);
        if (account.BillingProfileId is null && change.BillingProfileId is { } card)
        {
            // A trial turned paid names its first card with the plan; that card's own event may not have arrived yet.
            account.ChargeTo(card);
        }
        var current = change.Current;
        if (current.Cadence == PlanCadences.Trial || account.Status is AccountStatus.Transferred or AccountStatus.Pending)
        {
            account.ChangePlan(current, change.Scheduled);
            return null;
        }
        if (change.Previous.Cadence == PlanCadences.Trial || account.Status is AccountStatus.Trial or AccountStatus.Expired)
        {
            var purpose = account.Status == AccountStatus.Expired ? InvoicePurposes.PlanChange : InvoicePurposes.FirstPeriod;
            account.Reanchor(current, changedOn);
            var firstPeriod = await invoicer.InvoiceNextPeriodAsync(account, purpose, cancellationToken);
            account.ChangePlan(current, change.Scheduled);
            return firstPeriod;
        }
        if (!account.IsInPaidPeriod || changedOn >= account.CurrentPeriodEnd)
        {
            account.ChangePlan(current, change.Scheduled);
            return null;
        }
        return current.Cadence != change.Previous.Cadence
            ? await NewCadenceAsync(account, change, changedOn, cancellationToken)
            : await ProrateAsync(account, change, changedOn, cancellationToken);
    }

    private async Task<Guid?> ProrateAsync(BilledAccount account, AccountPlanChanged change, DateOnly changedOn, CancellationToken cancellationToken)
    {
        var (start, end) = (account.CurrentPeriodStart!.Value, account.CurrentPeriodEnd!.Value);
        account.ChangePlan(change.Current, change.Scheduled);
        var listNow = pricer.Price(change.Current, 0);
        var lines = Proration.Difference(pricer.Price(change.Previous, 0).Lines, listNow.Lines, changedOn, start, end);
        var percent = await invoicer.DiscountPercentAsync(account, cancellationToken);
        var price = new PriceBreakdown(lines.Select(l => l.WithDiscountPercent(percent)).ToList(), listNow.Currency, percent);
        if (price.Total <= 0)
        {
            return null;
        }
        return await invoicer.InvoiceAsync(account,
            new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, InvoicePurposes.Proration, changedOn, end), price, cancellationToken);
    }

    private async Task<Guid?> NewCadenceAsync(BilledAccount account, AccountPlanChanged change, DateOnly changedOn, CancellationToken cancellationToken)
    {
        var (start, end) = (account.CurrentPeriodStart!.Value, account.CurrentPeriodEnd!.Value);
        var paidForPeriod = await db.Invoices
            .Where(i => i.AccountId == account.AccountId && i.PeriodStart >= start && i.PeriodEnd <= end && i.Status == InvoiceStatus.Paid)
            .SumAsync(i => i.Total, cancellationToken);
        account.Reanchor(change.Current, changedOn);
        var (newStart, newEnd) = account.NextPeriod();
        var price = pricer.Price(change.Current, await invoicer.DiscountPercentAsync(account, cancellationToken));
        var credit = Math.Min(Proration.UnusedCredit(paidForPeriod, changedOn, start, end), price.Total);
        if (credit > 0)
        {
            price = price with
            {
                Lines = [.. price.Lines, new PriceLine("unused_credit", $"Unused part of the period {start:yyyy-MM-dd} to {end:yyyy-MM-dd}", 1, -credit, Discountable: false)],
            };
        }
        var payment = await invoicer.InvoiceAsync(account,
            new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, InvoicePurposes.PlanChange, newStart, newEnd), price, cancellationToken);
        account.ChangePlan(change.Current, change.Scheduled);
        return payment;
    }
}
