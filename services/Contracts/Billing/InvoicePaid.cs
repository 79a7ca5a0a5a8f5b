namespace Reseller.Contracts.Billing;

/// <summary>
/// An invoice was paid in full (prepaid credit and card together). <see cref="Reference"/> names what the invoice sold when
/// another service asked for it (a credit purchase's id for purpose credit_purchase); null otherwise. <see cref="Tax"/> is
/// the VAT inside <see cref="Total"/> (0 from older messages): what is earned on an invoice is a share of the rest.
/// </summary>
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
    DateTimeOffset PaidAt,
    string? Reference = null,
    long Tax = 0);
