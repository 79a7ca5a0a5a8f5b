namespace Reseller.Contracts.Partners;

/// <summary>
/// A partner's profile as its invoices name it changed: legal name, postal address (lines separated by '\n'), country,
/// VAT id and the language its invoices are written in. Billing keeps the latest (by <see cref="ChangedAt"/>).
/// </summary>
public sealed record PartnerLegalDetailsChanged(
    Guid PartnerId,
    string Name,
    string? LegalName,
    string? Address,
    string Country,
    string? VatId,
    string Email,
    string? InvoiceLanguage,
    DateTimeOffset ChangedAt);
