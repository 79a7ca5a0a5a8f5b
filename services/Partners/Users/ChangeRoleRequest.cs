using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record ChangeRoleRequest(string? Role) : IValidatedRequest
{
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal) { PlatformRoles.Owner, PlatformRoles.Billing, PlatformRoles.Member };

    public void Validate(ValidationErrors errors) => errors
        .When(Role is null || !Roles.Contains(Role), "role", "role must be owner, billing or member.");
}
