using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Auth;

public static class AuthExtensions
{
    private const string PlatformScheme = "Platform";

    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<PlatformTokenOptions>(builder.Configuration.GetSection(PlatformTokenOptions.Section));
        builder.Services.AddSingleton<PlatformTokenIssuer>();

        builder.Services.AddAuthentication(PlatformScheme)
            .AddPolicyScheme(PlatformScheme, "Bearer token or admin key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(AdminKeyAuthenticationHandler.HeaderName)
                    ? AdminKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<PlatformTokenOptions>, TimeProvider>((jwt, platform, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = PlatformClaims.Issuer,
                    ValidAudience = PlatformClaims.Audience,
                    IssuerSigningKey = SigningKeys.From(platform.Value),
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PlatformClaims.Subject,
                    RoleClaimType = PlatformClaims.Role,
                    // Lifetimes follow the platform clock, which the sandbox moves forward.
                    LifetimeValidator = (notBefore, expires, _, parameters) => TokenLifetime.IsValid(notBefore, expires, clock.GetUtcNow(), parameters.ClockSkew),
                };
            });

        builder.Services.AddAuthorizationBuilder()
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
        return builder;
    }
}
