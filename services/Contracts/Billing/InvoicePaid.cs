namespace Reseller.Contracts.Billing;

/// <summary>An invoice was paid in full (prepaid credit and card together).</summary>
public sealed record InvoicePaid(
    Guid InvoiceId,
    string Number,
    Guid PartnerId,
    Guid? AccountId,
    string Purpose,
    string Payer,
    long Total,
    string Currency,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset PaidAt);
