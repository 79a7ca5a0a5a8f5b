namespace Reseller.Web.Api;

public sealed record Invoice(
    string Id,
    string Number,
    string Status,
    string? AccountId,
    string Payer,
    string Purpose,
    Money Subtotal,
    int DiscountPercent,
    Money Discount,
    Money Total,
    Money AmountDue,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset IssuedAt,
    DateTimeOffset? PaidAt,
    decimal TaxRate,
    Money Tax,
    bool ReverseCharge);
