using Reseller.Contracts.Billing;

namespace Reseller.Partners.Commissions;

/// <summary>
/// A credit note that reached Partners before anything was earned on its invoice. Billing credits only paid invoices, so
/// the invoice's payment may still be on its way: the note is kept, and taken back from the earning when that payment
/// earns one. A note on an invoice that earns nothing stays here, unused.
/// </summary>
public sealed class EarlyCreditNote
{
    public Guid CreditNoteId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public long Amount { get; private set; }

    /// <summary>What the invoice's notes issued before this one credited; null from a message that did not say.</summary>
    public long? CreditedBefore { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    private EarlyCreditNote()
    {
    }

    public static EarlyCreditNote Of(CreditNoteIssued note) => new()
    {
        CreditNoteId = note.CreditNoteId,
        PartnerId = note.PartnerId,
        InvoiceId = note.InvoiceId,
        Amount = note.Amount,
        CreditedBefore = note.CreditedBefore,
        IssuedAt = note.IssuedAt,
    };
}
