using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.ServiceDefaults.Auth;

public static class AuthExtensions
{
    private const string PlatformScheme = "Platform";

    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<PlatformTokenOptions>(builder.Configuration.GetSection(PlatformTokenOptions.Section));
        builder.AddSessionList();
        builder.Services.AddSingleton<IssuerKeys>();

        builder.Services.AddAuthentication(PlatformScheme)
            .AddPolicyScheme(PlatformScheme, "Bearer token or admin key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(AdminKeyAuthenticationHandler.HeaderName)
                    ? AdminKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IssuerKeys, EndedSessions, ServiceIdentity, TimeProvider>((jwt, keys, sessions, self, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RememberingTokenHandler(keys.Find, clock) { MapInboundClaims = false });
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = TrustedIssuers.All,
                    // The public API's audience, or this service itself for a service token addressed to it.
                    ValidAudiences = [PlatformClaims.Audience, self.Name],
                    // Pinned: ES256 only, so neither an HS256 token nor "none" is ever considered.
                    ValidAlgorithms = [SigningKey.Algorithm],
                    IssuerSigningKeyResolver = (_, token, keyId, _) => keys.Find(token.Issuer, keyId),
                    TryAllIssuerSigningKeys = false,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PlatformClaims.Subject,
                    RoleClaimType = PlatformClaims.Role,
                    // Lifetimes follow the platform clock, which the sandbox moves forward.
                    LifetimeValidator = (notBefore, expires, _, parameters) => TokenLifetime.IsValid(notBefore, expires, clock.GetUtcNow(), parameters.ClockSkew),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context => PlatformTokenChecks.FetchIssuerKeysAsync(context, keys),
                    OnTokenValidated = context => PlatformTokenChecks.RefuseUnlawfulOrEnded(context, sessions),
                    OnAuthenticationFailed = PlatformTokenChecks.LogRefusal,
                };
            });

        var authorization = builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Operator, p => p.RequireClaim(PlatformClaims.Kind, PlatformClaims.OperatorKind))
            .AddPolicy(PlatformPolicies.Partner, p => p
                .RequireClaim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind, PlatformClaims.ApiKeyKind)
                .RequireClaim(PlatformClaims.PartnerId))
            .AddPolicy(PlatformPolicies.PartnerBilling, p => p
                .RequireClaim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind, PlatformClaims.ApiKeyKind)
                .RequireClaim(PlatformClaims.PartnerId)
                .RequireClaim(PlatformClaims.Role, PlatformRoles.Owner, PlatformRoles.Billing))
            .AddPolicy(PlatformPolicies.AccountUser, p => p
                .RequireClaim(PlatformClaims.Kind, PlatformClaims.AccountUserKind)
                .RequireClaim(PlatformClaims.AccountId));
        foreach (var caller in TrustedIssuers.All)
        {
            authorization.AddPolicy(PlatformPolicies.InternalCaller(caller), p => p
                .RequireClaim(PlatformClaims.Kind, PlatformClaims.ServiceKind)
                .RequireClaim(PlatformClaims.Subject, caller));
        }
        return builder;
    }
}
