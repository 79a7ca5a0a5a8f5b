namespace Reseller.Contracts.Billing;

/// <summary>A credit note corrected a paid invoice by <see cref="Amount"/> (positive, at most the invoice's total).</summary>
public sealed record CreditNoteIssued(
    Guid CreditNoteId,
    string Number,
    Guid InvoiceId,
    Guid PartnerId,
    Guid? AccountId,
    string Payer,
    long Amount,
    string Currency,
    DateTimeOffset IssuedAt);
