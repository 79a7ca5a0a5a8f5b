namespace Reseller.Contracts.Billing;

/// <summary>Charging an invoice failed; the invoice stays open.</summary>
public sealed record PaymentFailed(
    Guid InvoiceId,
    string Number,
    Guid PartnerId,
    Guid? AccountId,
    string Purpose,
    long AmountDue,
    string Currency,
    string FailureCode,
    DateTimeOffset FailedAt);
