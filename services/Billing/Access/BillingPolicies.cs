using Microsoft.AspNetCore.Authorization;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.Billing.Access;

/// <summary>Billing's policies: the platform's partner policies, each widened to the customer of one account.</summary>
public static class BillingPolicies
{
    /// <summary>Sees or spends money: a partner owner/billing user or API key, or a customer for its own account.</summary>
    public const string Payer = "billing_payer";

    /// <summary>Looks a billing profile up (Accounts checks a chosen profile on the caller's credentials): any partner user or a customer.</summary>
    public const string Viewer = "billing_viewer";

    public static AuthorizationBuilder AddBillingPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Payer, p => p.RequireAssertion(ctx => IsCustomer(ctx) || IsPartner(ctx, billingOnly: true)))
        .AddPolicy(Viewer, p => p.RequireAssertion(ctx => IsCustomer(ctx) || IsPartner(ctx, billingOnly: false)));

    /// <summary>An account user by its own login; a partner's log-in-as token opens the product, never its billing.</summary>
    private static bool IsCustomer(AuthorizationHandlerContext ctx) =>
        ctx.User.HasClaim(PlatformClaims.Kind, PlatformClaims.AccountUserKind)
        && !ctx.User.HasClaim(c => c.Type == PlatformClaims.LoginAs)
        && ctx.User.HasClaim(c => c.Type == PlatformClaims.AccountId)
        && ctx.User.HasClaim(c => c.Type == PlatformClaims.PartnerId);

    private static bool IsPartner(AuthorizationHandlerContext ctx, bool billingOnly) =>
        (ctx.User.HasClaim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind) || ctx.User.HasClaim(PlatformClaims.Kind, PlatformClaims.ApiKeyKind))
        && ctx.User.HasClaim(c => c.Type == PlatformClaims.PartnerId)
        && (!billingOnly || ctx.User.HasClaim(PlatformClaims.Role, PlatformRoles.Owner) || ctx.User.HasClaim(PlatformClaims.Role, PlatformRoles.Billing)
            || ctx.User.HasClaim(PlatformClaims.Kind, PlatformClaims.ApiKeyKind));
}
