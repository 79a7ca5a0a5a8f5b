using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Invitations;

public sealed record InviteRequest(string? Name, string? Email, string? Domain, string? Organization) : IValidatedRequest
{
    public string? NormalizedDomain() => Domain?.Trim().ToLowerInvariant();

    public void Validate(ValidationErrors errors) => errors
        .RequireText("name", Name, 200)
        .RequireEmail("email", Email?.Trim())
        .When(NormalizedDomain() is { } domain && !AccountFieldRules.IsHostName(domain), "domain", "domain must be a valid host name.")
        .When(Organization is { Length: > 200 }, "organization", "organization must be at most 200 characters.");
}
