using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Invoices;

/// <summary>
/// A downgrade (a lower plan, fewer seats or add-ons, same cadence) waits for the next renewal, which prices it. One made
/// before that renewal was issued but heard by Billing after it (its event behind the renewal job) would otherwise wait for
/// the renewal after, and the partner pay the higher plan for a period the account runs on the lower one, as Accounts
/// brings the downgrade into force when that renewal is paid. The renewal is brought to the downgrade's price instead, at
/// the discount and tax it was issued with:
/// - paid: what it charged over that price is credited, the card part refunded after commit, the prepaid part returned;
/// - open in dunning: it is replaced by a renewal at that price, which carries on its dunning (no charge now);
/// - its charge under way: the change waits for the charge's answer, then is one of the two above.
/// A change heard before the renewal was issued, or made after it, is billed as usual (<see cref="PlanChangeInvoicer"/>).
/// </summary>
public sealed class DowngradesHeardLate(BillingDb db, PlanPricer pricer, PeriodInvoicer invoicer, InvoiceCrediting crediting, ILogger<DowngradesHeardLate> logger)
{
    /// <summary>
    /// Applies the change to the renewal issued after it was made, inside the caller's transaction; null when the change is
    /// not a downgrade that renewal missed.
    /// </summary>
    public async Task<PlanChangeInvoicer.Billed?> ApplyAsync(BilledAccount account, AccountPlanChanged change, CancellationToken cancellationToken)
    {
        if (change.Scheduled is not { } downgrade || !change.Current.IsSameAs(change.Previous) || downgrade.Cadence != change.Current.Cadence
            || account.Status is not (AccountStatus.Active or AccountStatus.PaymentFailed))
        {
            return null;
        }
        var renewalId = await db.Invoices.AsNoTracking()
            .Where(i => i.AccountId == account.AccountId && i.PartnerId == account.PartnerId && i.Purpose == InvoicePurposes.Renewal
                && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.Paid) && i.IssuedAt > change.ChangedAt)
            .OrderByDescending(i => i.PeriodStart)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (renewalId is not { } id)
        {
            return null;
        }
        var renewal = (await crediting.LockAsync(id, cancellationToken))!;
        if (renewal.Status == InvoiceStatus.Open
            && await db.Payments.AnyAsync(p => p.InvoiceId == renewal.Id && p.Status == PaymentStatus.Pending, cancellationToken))
        {
            throw new EarlierEventPendingException($"Account {account.AccountId}: the downgrade made before renewal {renewal.Number} waits for that renewal's charge to answer.");
        }
        account.ChangePlan(downgrade, null);
        var price = pricer.Price(downgrade, renewal.DiscountPercent);
        var overcharge = renewal.Total - (price.Total + TaxRule.Tax(price.Total, renewal.TaxRate));
        if (overcharge <= 0)
        {
            return PlanChangeInvoicer.Billed.Nothing;
        }
        if (renewal.Status == InvoiceStatus.Open)
        {
            var replacement = await invoicer.ReplaceAsync(account, renewal, price, cancellationToken);
            logger.LogInformation("Account {AccountId}: renewal {Renewal} was issued after a downgrade it missed; replaced by {Replacement} at the downgrade's price",
                account.AccountId, renewal.Number, replacement.Number);
            return PlanChangeInvoicer.Billed.Nothing;
        }
        var credited = await crediting.CreditedAsync(renewal, cancellationToken);
        var amount = Math.Min(overcharge, credited.LeftOf(renewal));
        if (amount <= 0)
        {
            return PlanChangeInvoicer.Billed.Nothing;
        }
        var note = await crediting.IssueAsync(renewal, credited, amount, DowngradeMissedReason.In(renewal.Language), cancellationToken);
        logger.LogInformation("Account {AccountId}: renewal {Renewal} was paid on the plan before a downgrade made ahead of it; {Amount} credited by {CreditNote}",
            account.AccountId, renewal.Number, amount, note.Number);
        return new PlanChangeInvoicer.Billed(null, [note]);
    }
}
