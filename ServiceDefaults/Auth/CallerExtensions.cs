using System.Security.Claims;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>The caller's tenant comes from the validated token only, never from the URL or body.</summary>
public static class CallerExtensions
{
    public static Guid PartnerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.PartnerId)?.Value, out var id)
            ? id
            : throw new ProblemException(403, "forbidden", "This credential does not act for a partner.");

    public static string Actor(this ClaimsPrincipal user) =>
        $"{user.FindFirst(PlatformClaims.Kind)?.Value ?? "unknown"}:{user.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown"}";
}
