using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

using Reseller.ServiceDefaults;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.DataProtection;
using Reseller.ServiceDefaults.Memory;
using Reseller.ServiceDefaults.Resilience;
using Reseller.ServiceDefaults.Telemetry;
using Reseller.Web.Api;
using Reseller.Web.Data;
using Reseller.Web.Localization;
using Reseller.Web.Session;

namespace Reseller.Web;

public static class Extensions
{
    /// <summary>
    /// The parts of the services' defaults a front-end needs: telemetry, health, service discovery and resilience. Not the
    /// platform's bearer authentication: the dashboard's caller is a browser with a session cookie.
    /// </summary>
    public static WebApplicationBuilder AddWebDefaults(this WebApplicationBuilder builder)
    {
        // Serves the framework's and the app's static files from the build output too, where AppHost starts it.
        builder.WebHost.UseStaticWebAssets();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddInternalCallResilience());
        builder.AddIdleHeapTrim();

        builder.AddServiceDbContext<WebApplicationBuilder, WebDb>("webdb");
        // Every replica reads and writes the same keys, so a session cookie or a form opened on one is honoured by another.
        builder.AddSharedDataProtection<WebApplicationBuilder, WebDb>("reseller-web");
        return builder;
    }

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(SessionCookie.Configure);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SessionPolicies.Partner, p => p.RequireClaim(SessionClaims.Kind, SessionClaims.PartnerKind))
            .AddPolicy(SessionPolicies.Customer, p => p.RequireClaim(SessionClaims.Kind, SessionClaims.AccountKind))
            .AddPolicy(SessionPolicies.Operator, p => p.RequireClaim(SessionClaims.Kind, SessionClaims.OperatorKind))
            .AddPolicy(SessionPolicies.PartnerMoney, p => p.RequireClaim(SessionClaims.Kind, SessionClaims.PartnerKind).RequireRole(PartnerRoles.Owner, PartnerRoles.Billing))
            .AddPolicy(SessionPolicies.PartnerOwner, p => p.RequireClaim(SessionClaims.Kind, SessionClaims.PartnerKind).RequireRole(PartnerRoles.Owner));
        builder.Services.AddDashboardLocalization();
        builder.Services.AddGatewayClients();
        builder.Services.AddSingleton(Payments.StripeCardSettings.From(builder.Configuration));
        return builder;
    }

    public static WebApplication UseWebDefaults(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // A page that does not exist is shown as one; other methods keep their bare status (there is no form to re-execute).
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method), branch => branch.UseStatusCodePagesWithReExecute("/not-found"));
        // The gateway in front sets X-Forwarded-For to the browser's address; believed from loopback only (the defaults' known proxies).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks(ServiceDefaults.Extensions.HealthEndpointPath);
        app.MapHealthChecks(ServiceDefaults.Extensions.AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapPrometheusScrapingEndpoint(ServiceDefaults.Extensions.MetricsEndpointPath);
        return app;
    }
}
