namespace Reseller.Contracts.Credits;

/// <summary>
/// A credit note gave back the part of an invoice that prepaid credit had paid: Credits returns <see cref="Amount"/> to the
/// partner's prepaid credit, once per credit note.
/// </summary>
public sealed record PrepaidCreditReturned(Guid CreditNoteId, Guid PartnerId, Guid? AccountId, Guid InvoiceId, long Amount, string Currency, DateTimeOffset ReturnedAt);
