namespace Reseller.Contracts.Billing;

/// <summary>
/// Charging an invoice failed. A renewal is retried (NextRetryAt) until the last attempt; then Final is true, the invoice is
/// uncollectible and the account expires.
/// </summary>
public sealed record PaymentFailed(
    Guid InvoiceId,
    string Number,
    Guid PartnerId,
    Guid? AccountId,
    string Purpose,
    long AmountDue,
    string Currency,
    string FailureCode,
    DateTimeOffset FailedAt,
    int Attempt,
    DateTimeOffset? NextRetryAt,
    bool Final);
