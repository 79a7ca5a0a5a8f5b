namespace Reseller.Contracts.Billing;

/// <summary>
/// A credit note corrected a paid invoice by <see cref="Amount"/> (positive, at most the invoice's total). It names the
/// invoice's <see cref="Purpose"/> and <see cref="Reference"/> (a credit pack's purchase, <c>cp_…</c>), as InvoicePaid does,
/// so a service that keys its records by the reference can match a note that overtakes the payment, and the invoice's
/// <see cref="InvoiceTotal"/> (absent from older messages), so the share of what the invoice sold that the note refunds is
/// the note's share of what was paid, VAT included on both sides. <see cref="CreditedBefore"/> (absent from older messages)
/// is what the invoice's notes issued before this one credited, so each service takes back its cumulative share
/// (<see cref="CreditNoteShares"/>).
/// </summary>
public sealed record CreditNoteIssued(
    Guid CreditNoteId,
    string Number,
    Guid InvoiceId,
    Guid PartnerId,
    Guid? AccountId,
    string Payer,
    long Amount,
    string Currency,
    DateTimeOffset IssuedAt,
    string? Purpose = null,
    string? Reference = null,
    long? InvoiceTotal = null,
    long? CreditedBefore = null);
