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
/// the discount it was issued with:
/// - paid: what it still charges, after its earlier credit notes, over that price (at its tax) is credited, the card part
///   refunded after commit, the prepaid part returned; a later downgrade of the same renewal credits only what is left over;
/// - open in dunning: it is replaced by a renewal at that price (a new invoice, addressed and taxed as of its day), which
///   carries on its dunning (no charge now);
/// - its charge under way: the change waits for the charge's answer, then is one of the two above; should the answer not
///   come before the change's last redelivery, the downgrade waits for the next renewal as it did before.
/// A change heard before the renewal was issued, or made after it, is billed as usual (<see cref="PlanChangeInvoicer"/>).
/// </summary>
public sealed class DowngradesHeardLate(BillingDb db, PlanPricer pricer, PeriodInvoicer invoicer, InvoiceCrediting crediting, ILogger<DowngradesHeardLate> logger)
{
    /// <summary>
    /// Applies the change to the renewal issued after it was made, inside the caller's transaction; null when the change is
    /// not a downgrade that renewal missed (or, when <paramref name="mayWait"/> is false, one whose renewal is still being charged).
    /// </summary>
    public async Task<PlanChangeInvoicer.Billed?> ApplyAsync(BilledAccount account, AccountPlanChanged change, bool mayWait, CancellationToken cancellationToken)
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
        if (renewalId is not { } id || await crediting.LockAsync(id, cancellationToken) is not { Status: InvoiceStatus.Open or InvoiceStatus.Paid } renewal)
        {
            return null;
        }
        if (renewal.Status == InvoiceStatus.Open
            && await db.Payments.AnyAsync(p => p.InvoiceId == renewal.Id && p.Status == PaymentStatus.Pending, cancellationToken))
        {
            return mayWait
                ? throw new EarlierEventPendingException($"Account {account.AccountId}: the downgrade made before renewal {renewal.Number} waits for that renewal's charge to answer.")
                : null;
        }
        account.ChangePlan(downgrade, null);
        var price = pricer.Price(downgrade, renewal.DiscountPercent);
        return renewal.Status == InvoiceStatus.Open
            ? await ReplaceAsync(account, renewal, price, cancellationToken)
            : await CreditAsync(account, renewal, price, cancellationToken);
    }

    private async Task<PlanChangeInvoicer.Billed> ReplaceAsync(BilledAccount account, Invoice renewal, PriceBreakdown price, CancellationToken cancellationToken)
    {
        if (price.Total == renewal.Total - renewal.Tax)
        {
            return PlanChangeInvoicer.Billed.Nothing;
        }
        var replacement = await invoicer.ReplaceAsync(account, renewal, price, cancellationToken);
        logger.LogInformation("Account {AccountId}: renewal {Renewal} was issued after a downgrade it missed; replaced by {Replacement} at the downgrade's price",
            account.AccountId, renewal.Number, replacement.Number);
        return PlanChangeInvoicer.Billed.Nothing;
    }

    private async Task<PlanChangeInvoicer.Billed> CreditAsync(BilledAccount account, Invoice renewal, PriceBreakdown price, CancellationToken cancellationToken)
    {
        var credited = await crediting.CreditedAsync(renewal, cancellationToken);
        var overcharge = credited.LeftOf(renewal) - (price.Total + TaxRule.Tax(price.Total, renewal.TaxRate));
        if (overcharge <= 0)
        {
            return PlanChangeInvoicer.Billed.Nothing;
        }
        var note = await crediting.IssueAsync(renewal, credited, overcharge, DowngradeMissedReason.In(renewal.Language), cancellationToken);
        logger.LogInformation("Account {AccountId}: renewal {Renewal} was paid on the plan before a downgrade made ahead of it; {Amount} credited by {CreditNote}",
            account.AccountId, renewal.Number, overcharge, note.Number);
        return new PlanChangeInvoicer.Billed(null, [note]);
    }
}
