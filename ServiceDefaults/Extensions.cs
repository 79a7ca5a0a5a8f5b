using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Links;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Memory;
using Reseller.ServiceDefaults.OpenApi;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Resilience;
using Reseller.ServiceDefaults.Telemetry;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.ServiceDefaults;

/// <summary>What every Reseller service shares, in Aspire's ServiceDefaults shape.</summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string MetricsEndpointPath = "/metrics";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddInternalCallResilience());
        builder.Services.AddApiConventions();
        builder.Services.AddRequestBodyLimits();
        builder.Services.AddPlatformProblemDetails();
        builder.AddPlatformAuthentication();
        builder.AddPlatformClock();
        builder.AddPlatformMail();
        builder.AddIdempotencyFingerprint();
        builder.AddDashboardLinks();
        builder.Services.AddPlatformOpenApi();
        builder.AddIdleHeapTrim();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapPrometheusScrapingEndpoint(MetricsEndpointPath);
        app.MapOpenApi();
        app.MapPlatformClockEndpoints();
        app.MapTokenIssuerEndpoints();
        return app;
    }
}
