namespace Reseller.Web.Api;

/// <summary>An invoice as the billing page lists it.</summary>
public sealed record ListedInvoice(
    string Id,
    string Number,
    string Status,
    string? AccountId,
    string Purpose,
    Money Total,
    Money Credited,
    DateTimeOffset IssuedAt);
