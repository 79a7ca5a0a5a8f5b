namespace Reseller.Contracts.Billing;

/// <summary>
/// Charging an invoice failed. A renewal is retried (NextRetryAt) until the last attempt; then Final is true, the invoice is
/// uncollectible and the account expires. <see cref="PeriodEnd"/> is the failed invoice's period end (null from older
/// publishers): a consumer that already saw that period paid knows the failure was overtaken.
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
    bool Final,
    DateOnly? PeriodEnd = null);
