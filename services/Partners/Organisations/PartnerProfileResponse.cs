using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Organisations;

/// <summary>The partner's own view: profile plus its standing in the reseller discount.</summary>
public sealed record PartnerProfileResponse(
    string Id,
    string Name,
    string Email,
    string Country,
    string Currency,
    string? PaypalEmail,
    int PaidAccounts,
    int DiscountPercent,
    int? NextDiscountAt,
    DateTimeOffset CreatedAt,
    string? LegalName,
    string? Address,
    string? VatId,
    string? InvoiceLanguage)
{
    public static PartnerProfileResponse From(Partner p, int paidAccounts) => new(
        PublicId.Format(PartnerResponse.IdPrefix, p.Id), p.Name, p.Email, p.Country, p.Currency, p.PaypalEmail,
        paidAccounts, ResellerDiscount.PercentFor(paidAccounts), ResellerDiscount.NextThreshold(paidAccounts), p.CreatedAt,
        p.LegalName, p.Address, p.VatId, p.InvoiceLanguage);
}
