using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Credits;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// Credits paid invoices inside the caller's transaction: the invoice row is locked while its credited total is read, so
/// concurrent notes never credit more than the invoice's total; the note takes its number from its own gap-free series and
/// is announced with the prepaid part to give back. The caller refunds the card part after commit (<see cref="CardRefunds"/>).
/// </summary>
public sealed class InvoiceCrediting(BillingDb db, InvoiceNumbering numbering, TimeProvider clock)
{
    /// <summary>The invoice, locked until the caller's transaction ends; null when there is none.</summary>
    public Task<Invoice?> LockAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        db.Invoices.FromSql($"SELECT *, xmin FROM invoices WHERE id = {invoiceId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <summary>What the invoice's credit notes have credited so far, read in one query.</summary>
    public async Task<CreditedSoFar> CreditedAsync(Invoice invoice, CancellationToken cancellationToken) =>
        await db.CreditNotes.Where(c => c.InvoiceId == invoice.Id)
            .GroupBy(c => c.InvoiceId)
            .Select(notes => new CreditedSoFar(notes.Sum(c => c.Amount), notes.Sum(c => c.CardRefund), notes.Sum(c => c.PrepaidReturn)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? CreditedSoFar.Nothing;

    /// <summary>Issues a note of <paramref name="amount"/> on the locked, paid invoice, after what <paramref name="earlier"/> notes credited.</summary>
    public async Task<CreditNote> IssueAsync(Invoice invoice, CreditedSoFar earlier, long amount, string reason, CancellationToken cancellationToken)
    {
        var cardCharge = invoice.CardCharged > 0
            ? await db.Payments.Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Succeeded).Select(p => p.ProviderChargeId).FirstOrDefaultAsync(cancellationToken)
            : null;
        var (number, now) = await numbering.NextAsync(InvoiceNumbering.CreditNoteIssuer, clock.GetUtcNow(), cancellationToken);
        var note = CreditNote.Issue(invoice, earlier, amount, reason, number, now, cardCharge);
        db.CreditNotes.Add(note);
        db.Publish(CreditNoteEvents.Issued(note, invoice, earlier), now);
        if (note.PrepaidReturn > 0)
        {
            // Credits gives it back to the partner's prepaid credit, once per note (its inbox and the ledger reference).
            db.Publish(new PrepaidCreditReturned(note.Id, note.PartnerId, note.AccountId, note.InvoiceId, note.PrepaidReturn, note.Currency, note.IssuedAt), now);
        }
        return note;
    }
}
