using Microsoft.AspNetCore.Mvc;

using Reseller.Gateway.RateLimiting;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;

using Yarp.ReverseProxy.Configuration;

namespace Reseller.Gateway.Routing;

/// <summary>
/// Which service owns which part of /api/v1, and who may pass. The gateway refuses a missing or invalid credential before
/// proxying; each service still authorises the caller for its own resources.
/// </summary>
public static class GatewayRoutes
{
    public const string AuthenticatedPolicy = "authenticated";

    /// <summary>Account defaults carry templates: the one route whose bodies may pass 1 MiB.</summary>
    public const string AccountDefaultsRoute = "accounts-defaults";
    private const string Anonymous = "anonymous";

    public static IReadOnlyList<RouteConfig> All() =>
    [
        Route("credits-account-consumptions", "/api/v1/accounts/{id}/credits/{**rest}", "credits", AuthenticatedPolicy, order: 0),
        Route("credits", "/api/v1/credits/{**rest}", "credits", AuthenticatedPolicy),

        Route("partners-token", "/api/v1/auth/token", "partners", Anonymous),
        Route("partners-password-reset", "/api/v1/auth/password-reset/{**rest}", "partners", Anonymous),
        Route("partners-invitation-accept", "/api/v1/auth/partner-invitations/{token}/accept", "partners", Anonymous),
        Route("partners", "/api/v1/partners/{**rest}", "partners", AuthenticatedPolicy),
        Route("partners-api-keys", "/api/v1/api-keys/{**rest}", "partners", AuthenticatedPolicy),
        Route("partners-referral-signup", "/api/v1/referrals/{code}/signup", "partners", Anonymous),
        Route("partners-commissions", "/api/v1/commissions/{**rest}", "partners", AuthenticatedPolicy),
        Route("partners-admin", "/api/v1/admin/partners/{**rest}", "partners", PlatformPolicies.Operator),
        Route("partners-admin-statements", "/api/v1/admin/commission-statements", "partners", PlatformPolicies.Operator),
        Route("partners-webhook-endpoints", "/api/v1/webhook-endpoints/{**rest}", "partners", AuthenticatedPolicy),
        Route("partners-webhook-deliveries", "/api/v1/webhook-deliveries/{**rest}", "partners", AuthenticatedPolicy),
        Route("partners-admin-commissions", "/api/v1/admin/commissions/{**rest}", "partners", PlatformPolicies.Operator),
        Route("partners-admin-payouts", "/api/v1/admin/payouts", "partners", PlatformPolicies.Operator),

        Route("accounts-token", "/api/v1/auth/account-token", "accounts", Anonymous),
        Route("accounts-password-reset", "/api/v1/auth/account-password-reset/{**rest}", "accounts", Anonymous),
        Route("accounts-login-links", "/api/v1/auth/login-links/{token}", "accounts", Anonymous),
        Route("accounts-transfer-confirm", "/api/v1/transfers/{token}/confirm", "accounts", Anonymous),
        Route("accounts-transfers", "/api/v1/transfers", "accounts", AuthenticatedPolicy),
        Route("accounts-invitation-accept", "/api/v1/invitations/{token}/accept", "accounts", Anonymous),
        Route("accounts", "/api/v1/accounts/{**rest}", "accounts", AuthenticatedPolicy),
        Route(AccountDefaultsRoute, "/api/v1/settings/account-defaults", "accounts", AuthenticatedPolicy, order: 0),
        Route("accounts-settings", "/api/v1/settings/{**rest}", "accounts", AuthenticatedPolicy),
        Route("accounts-admin", "/api/v1/admin/accounts/{**rest}", "accounts", PlatformPolicies.Operator),

        Route("billing-catalog", "/api/v1/catalog", "billing", Anonymous, limited: false),
        Route("billing-quotes", "/api/v1/quotes", "billing", AuthenticatedPolicy),
        Route("billing-profiles", "/api/v1/billing-profiles/{**rest}", "billing", AuthenticatedPolicy),
        Route("billing-invoices", "/api/v1/invoices/{**rest}", "billing", AuthenticatedPolicy),
        Route("billing-credit-notes", "/api/v1/credit-notes/{**rest}", "billing", AuthenticatedPolicy),
        Route("billing-admin", "/api/v1/admin/billing/{**rest}", "billing", PlatformPolicies.Operator),
        // Stripe authenticates by the event's signature, checked by Billing; a 429 in a burst only makes Stripe retry later.
        Route("billing-stripe-webhooks", "/api/v1/providers/stripe/webhooks", "billing", Anonymous),
    ];

    /// <summary>
    /// A route; those open without a credential are rate limited per client address unless <paramref name="limited"/> is
    /// false (the public catalog), the others per partner.
    /// </summary>
    private static RouteConfig Route(string id, string path, string cluster, string policy, int order = 10, bool limited = true) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = order,
        AuthorizationPolicy = policy,
        RateLimiterPolicy = policy == Anonymous
            ? limited ? AnonymousCallerLimits.Policy : null
            : CredentialCallerLimits.Policy,
        Match = new RouteMatch { Path = path },
    };

    /// <summary>Bodies are capped at 1 MiB (ServiceDefaults) except on routes that carry templates.</summary>
    public static void LimitBodies(IEndpointConventionBuilder endpoint, RouteConfig route)
    {
        if (route.RouteId == AccountDefaultsRoute)
        {
            endpoint.WithMetadata(new RequestSizeLimitAttribute(RequestBodyLimits.TemplatesMaxBytes));
        }
    }
}
