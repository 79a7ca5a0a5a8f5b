using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Organisations;

/// <summary>
/// PATCH /partners/me: only the fields sent change; <c>paypal_email: ""</c> removes the payout address, and <c>""</c>
/// clears a legal detail (legal name, address, VAT id, invoice language) likewise.
/// </summary>
public sealed record UpdatePartnerRequest(
    string? Name,
    string? Email,
    string? Country,
    string? Currency,
    string? PaypalEmail,
    string? LegalName = null,
    string? Address = null,
    string? VatId = null,
    string? InvoiceLanguage = null) : IValidatedRequest
{
    public const int MaxAddressLength = 500;
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null)
        {
            errors.RequireText("name", Name, 200);
        }
        if (Email is not null)
        {
            errors.RequireEmail("email", Email);
        }
        if (PaypalEmail is { Length: > 0 })
        {
            errors.RequireEmail("paypal_email", PaypalEmail);
        }
        if (LegalName is { Length: > 0 })
        {
            errors.RequireText("legal_name", LegalName, 200);
        }
        errors
            .When(Address is { Length: > MaxAddressLength }, "address", $"address must be at most {MaxAddressLength} characters.")
            .When(Address is not null && Address.Split('\n').Length > 6, "address", "address must be at most 6 lines.")
            .When(VatId is { Length: > 0 } && !VatIds.IsWellFormed(VatId), "vat_id", "vat_id must be a VAT identification number: its country's two letters, then 2 to 13 letters or digits (FR12345678901).")
            .When(InvoiceLanguage is { Length: > 0 } && !LegalDetails.InvoiceLanguages.Contains(InvoiceLanguage), "invoice_language", "invoice_language must be en, fr, de or it.")
            .When(Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)), "country", "country must be an ISO 3166-1 alpha-2 code such as FR.")
            .When(Currency is not null && !CreatePartnerRequest.SupportedCurrencies.Contains(Currency), "currency", "currency must be one of: USD.");
    }

    /// <summary>The changes of a valid request, e-mails normalised.</summary>
    public ProfileChanges ToChanges() => new(
            Name?.Trim(),
            Email is null ? null : FieldRules.NormalizeEmail(Email),
            Country,
            Currency,
            PaypalEmail is null ? null : PaypalEmail.Length == 0 ? "" : FieldRules.NormalizeEmail(PaypalEmail),
            new LegalDetails(LegalName?.Trim(), Address is null ? null : NormalizeAddress(Address), VatId is null ? null : VatIds.Compact(VatId), InvoiceLanguage));

    private static string NormalizeAddress(string address) =>
        string.Join('\n', address.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
