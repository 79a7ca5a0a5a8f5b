namespace Reseller.Web.Api;

public sealed record PartnerProfile(string Id, string Name, string Email, string Country, string Currency, string? PaypalEmail,
    int PaidAccounts, int DiscountPercent, int? NextDiscountAt, DateTimeOffset CreatedAt);
