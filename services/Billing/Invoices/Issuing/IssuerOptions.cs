using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices.Issuing;

/// <summary>The vendor that issues every invoice (<c>Billing__Issuer__*</c>); copied onto each invoice when it is issued.</summary>
public sealed class IssuerOptions
{
    public const string Section = "Billing:Issuer";

    public string LegalName { get; set; } = "Reseller";

    /// <summary>Postal address; lines separated by a new line or by " | " (easier in an environment variable).</summary>
    public string Address { get; set; } = "";

    /// <summary>ISO country code; when empty, the VAT id's two-letter prefix.</summary>
    public string Country { get; set; } = "";
    public string VatId { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>A PNG or JPEG printed at the top of the PDF and HTML; none when empty or missing.</summary>
    public string LogoFile { get; set; } = "";

    /// <summary>A free line printed at the foot of every document (registration number, bank details, thanks...).</summary>
    public string Footer { get; set; } = "";

    public string CountryCode =>
        Country.Length == 2 ? Country.ToUpperInvariant()
        : VatIds.IsWellFormed(VatId) ? VatIds.CountryOf(VatId)
        : "";

    public InvoiceParty ToParty() => new()
    {
        Name = LegalName,
        Address = Address.Replace(" | ", "\n", StringComparison.Ordinal),
        Country = CountryCode,
        VatId = VatId.Length == 0 ? null : VatId,
        Email = Email.Length == 0 ? null : Email,
    };
}
