using System.Security.Claims;

namespace Reseller.Web.Session;

/// <summary>
/// What a partner user's role lets the pages show (DOMAIN.md: members see no money; owners manage the team and keys). Only
/// the pages' shape: the API refuses a forbidden call anyway.
/// </summary>
public static class PartnerRoles
{
    public const string Owner = "owner";
    public const string Billing = "billing";
    public const string Member = "member";

    public static readonly string[] All = [Owner, Billing, Member];

    public static bool HandlesMoney(ClaimsPrincipal user) => user.IsInRole(Owner) || user.IsInRole(Billing);

    public static bool IsOwner(ClaimsPrincipal user) => user.IsInRole(Owner);
}
