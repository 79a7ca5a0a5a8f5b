using Microsoft.AspNetCore.Authorization;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.Partners.Users;

/// <summary>What only an owner (or an API key, which acts as owner) may do: manage users and API keys.</summary>
public static class PartnerOwner
{
    public const string Policy = "partner_owner";

    public static AuthorizationBuilder AddPartnerOwnerPolicy(this AuthorizationBuilder builder) => builder.AddPolicy(Policy, p => p
        .RequireClaim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind, PlatformClaims.ApiKeyKind)
        .RequireClaim(PlatformClaims.PartnerId)
        .RequireClaim(PlatformClaims.Role, PlatformRoles.Owner));
}
