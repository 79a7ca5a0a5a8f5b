using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Billing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// An account closed (expired, or moved out of its agency) before running a period it had started on without paying: a
/// renewal in dunning written off after its last retry, or the account cancelled or moved out meanwhile. An upgrade made
/// on that unpaid renewal was prorated over its period and charged on its own (<see cref="PlanChangeInvoicer"/>); what was
/// paid of it is credited in full, the card part refunded after commit and the prepaid part returned, so the payer never
/// pays for the upgrade of a period the account does not run. Prorations within the last period paid stay: that period ran.
/// </summary>
public sealed class UnrunPeriodProrations(BillingDb db, InvoiceCrediting crediting, CardRefunds cardRefunds, ILogger<UnrunPeriodProrations> logger)
{
    /// <summary>Credits, inside the caller's transaction, what was paid of the closed account's prorations of a period it never ran.</summary>
    public async Task<IReadOnlyList<CreditNote>> CreditAsync(BilledAccount account, CancellationToken cancellationToken)
    {
        var paid = await db.Invoices.AsNoTracking()
            .Where(i => i.AccountId == account.AccountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.PeriodStart })
            .ToListAsync(cancellationToken);
        var notes = new List<CreditNote>();
        foreach (var id in paid.Where(proration => account.NeverRan(proration.PeriodStart)).Select(proration => proration.Id))
        {
            var proration = (await crediting.LockAsync(id, cancellationToken))!;
            var credited = await crediting.CreditedAsync(proration, cancellationToken);
            if (credited.LeftOf(proration) > 0)
            {
                notes.Add(await crediting.IssueAsync(proration, credited, credited.LeftOf(proration), UnrunPeriodReason.In(proration.Language), cancellationToken));
            }
        }
        return notes;
    }

    /// <summary>Refunds the card part of each note once its transaction committed; the recovery job finishes a refund left undone.</summary>
    public async Task RefundAfterCommitAsync(IReadOnlyList<CreditNote> notes, CancellationToken cancellationToken)
    {
        foreach (var note in notes)
        {
            logger.LogInformation("Invoice {InvoiceId}: upgrade of a period account {AccountId} never ran, credited in full by {CreditNote}", note.InvoiceId, note.AccountId, note.Number);
            await cardRefunds.RefundAfterCommitAsync(note.Id, cancellationToken);
        }
    }
}
