using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;

namespace Reseller.Billing.CreditNotes;

public static class InvoiceCreditNotes
{
    /// <summary>An invoice's credit notes, oldest first, read-only: as its JSON, its documents and the operator's list show them.</summary>
    public static Task<List<CreditNote>> CreditNotesOfAsync(this BillingDb db, Guid invoiceId, CancellationToken cancellationToken) =>
        db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == invoiceId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
}
