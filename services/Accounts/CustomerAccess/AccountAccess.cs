using System.Security.Claims;

using Reseller.ServiceDefaults.Auth;

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
        builder.Services.AddAuthorizationBuilder().AddPolicy(PartnerBillingOrAccountUser, p => p.RequireAssertion(ctx =>
            IsPartnerBilling(ctx.User) || AccountIdOf(ctx.User) is not null));
        return builder;
    }

    public static bool IsPartner(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.Kind)?.Value is PlatformClaims.PartnerUserKind or PlatformClaims.ApiKeyKind
        && user.HasClaim(c => c.Type == PlatformClaims.PartnerId);

    private static bool IsPartnerBilling(ClaimsPrincipal user) =>
        IsPartner(user)
        && (user.HasClaim(PlatformClaims.Kind, PlatformClaims.ApiKeyKind)
            || user.HasClaim(PlatformClaims.Role, PlatformRoles.Owner)
            || user.HasClaim(PlatformClaims.Role, PlatformRoles.Billing));

    /// <summary>The one account an account user's token is scoped to; null for any other caller.</summary>
    public static Guid? AccountIdOf(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.Kind)?.Value == PlatformClaims.AccountUserKind
        && Guid.TryParse(user.FindFirst(PlatformClaims.AccountId)?.Value, out var id)
            ? id
            : null;
}
