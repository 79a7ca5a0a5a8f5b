using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Organisations;

public sealed record CreatePartnerRequest(string? Name, string? Email, string? Password, string? Country, string? Currency) : IValidatedRequest
{
    public static readonly IReadOnlySet<string> SupportedCurrencies = new HashSet<string>(StringComparer.Ordinal) { "USD" };

    public void Validate(ValidationErrors errors) => errors
        .RequireText("name", Name, 200)
        .RequireEmail("email", Email)
        .RequirePassword("password", Password)
        .When(Country is null || Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper), "country", "country must be an ISO 3166-1 alpha-2 code such as FR.")
        .When(Currency is null || !SupportedCurrencies.Contains(Currency), "currency", "currency must be one of: USD.");
}
