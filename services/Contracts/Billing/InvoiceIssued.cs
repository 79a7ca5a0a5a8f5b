namespace Reseller.Contracts.Billing;

/// <summary>
/// An invoice was issued (opening, renewal, plan change, credit purchase: every path), as it stood at issue: open, or paid at
/// once when its total is zero. Amounts in minor units of <see cref="Currency"/>; <see cref="Status"/> is the API's name.
/// </summary>
public sealed record InvoiceIssued(
    Guid InvoiceId,
    string Number,
    Guid PartnerId,
    Guid? AccountId,
    string Payer,
    string Purpose,
    string Status,
    string Currency,
    IReadOnlyList<InvoiceIssuedLine> Lines,
    long Subtotal,
    int DiscountPercent,
    long Discount,
    decimal TaxRate,
    long Tax,
    bool ReverseCharge,
    long Total,
    long AmountDue,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset IssuedAt,
    DateOnly DueDate,
    string Language,
    DateTimeOffset? PaidAt,
    string? Reference = null);
