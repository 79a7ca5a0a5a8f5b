using Reseller.Billing.Invoices;
using Reseller.Contracts.Billing;

namespace Reseller.Billing.CreditNotes;

public static class CreditNoteEvents
{
    /// <summary>
    /// The note, with what other services match and share it by: its invoice's purpose, reference and total, and what the
    /// invoice's earlier notes credited.
    /// </summary>
    public static CreditNoteIssued Issued(CreditNote note, Invoice invoice, CreditedSoFar earlier) => new(
        note.Id, note.Number, note.InvoiceId, note.PartnerId, note.AccountId, note.Payer, note.Amount, note.Currency, note.IssuedAt,
        invoice.Purpose, invoice.Reference, invoice.Total, earlier.Amount);
}
