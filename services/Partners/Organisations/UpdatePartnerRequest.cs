using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Organisations;

/// <summary>PATCH /partners/me: only the fields sent change; <c>paypal_email: ""</c> removes the payout address.</summary>
public sealed record UpdatePartnerRequest(string? Name, string? Email, string? Country, string? Currency, string? PaypalEmail) : IValidatedRequest
{
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
        errors
            .When(Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)), "country", "country must be an ISO 3166-1 alpha-2 code such as FR.")
            .When(Currency is not null && !CreatePartnerRequest.SupportedCurrencies.Contains(Currency), "currency", "currency must be one of: USD.");
    }

    /// <summary>The changes of a valid request, e-mails normalised.</summary>
    public ProfileChanges ToChanges() => new(
            Name?.Trim(),
            Email is null ? null : FieldRules.NormalizeEmail(Email),
            Country,
            Currency,
            PaypalEmail is null ? null : PaypalEmail.Length == 0 ? "" : FieldRules.NormalizeEmail(PaypalEmail));
}
