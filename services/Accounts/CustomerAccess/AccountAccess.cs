using System.Security.Claims;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.CustomerAccess;

/// <summary>Who may call the few endpoints shared by the partner and the account's own users (GET/PATCH of the account).</summary>
public static class AccountAccess
{
    public const string PartnerOrAccountUser = "partner_or_account_user";

    /// <summary>Money decisions the customer shares with the partner's owner/billing users and API keys (who pays).</summary>
    public const string PartnerBillingOrAccountUser = "partner_billing_or_account_user";

    public static IHostApplicationBuilder AddAccountAccessPolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(PartnerOrAccountUser, p => p.RequireAssertion(ctx =>
            IsPartner(ctx.User) || AccountIdOf(ctx.User) is not null));
        // A log-in-as token acts as the account's admin for its product settings, never for its money.
        builder.Services.AddAuthorizationBuilder().AddPolicy(PartnerBillingOrAccountUser, p => p.RequireAssertion(ctx =>
            IsPartnerBilling(ctx.User) || (AccountIdOf(ctx.User) is not null && !IsLoginAs(ctx.User))));
        return builder;
    }

    /// <summary>Refuses a partner caller that may not spend the partner's money (a member): 403.</summary>
    public static void EnsureMaySpend(ClaimsPrincipal user, string what)
    {
        if (!IsPartnerBilling(user))
        {
            throw new ProblemException(403, "billing-role-required", "Only the partner's owner or billing users spend its money.",
                $"{what} needs the owner or billing role, or an API key.");
        }
    }

    public static bool IsPartner(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.Kind)?.Value is PlatformClaims.PartnerUserKind or PlatformClaims.ApiKeyKind
        && user.HasClaim(c => c.Type == PlatformClaims.PartnerId);

    private static bool IsPartnerBilling(ClaimsPrincipal user) =>
        IsPartner(user)
        && (user.HasClaim(PlatformClaims.Kind, PlatformClaims.ApiKeyKind)
            || user.HasClaim(PlatformClaims.Role, PlatformRoles.Owner)
            || user.HasClaim(PlatformClaims.Role, PlatformRoles.Billing));

    public static bool IsLoginAs(ClaimsPrincipal user) => user.HasClaim(c => c.Type == PlatformClaims.LoginAs);

    /// <summary>The one account an account user's token is scoped to; null for any other caller.</summary>
    public static Guid? AccountIdOf(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.Kind)?.Value == PlatformClaims.AccountUserKind
        && Guid.TryParse(user.FindFirst(PlatformClaims.AccountId)?.Value, out var id)
            ? id
            : null;
}
