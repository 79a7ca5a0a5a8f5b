using Microsoft.Net.Http.Headers;

using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.Gateway.Cors;

/// <summary>
/// Front-ends served from another origin may call /api/v1 when that origin is listed in <c>Gateway:Cors:Origins</c> (an
/// array, or one comma-separated value). None by default: the dashboard is served on the gateway's own origin, so no CORS
/// header is sent. Credentials travel as headers (Bearer tokens), never cookies, so cookies are not allowed across origins.
/// </summary>
public static class GatewayCors
{
    public const string Section = "Gateway:Cors:Origins";
    public const string Policy = "api-origins";
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public static string[] Origins(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(o => o.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        if (origins.Length > 0)
        {
            services.AddCors(cors => cors.AddPolicy(Policy, policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept, IdempotencyMiddleware.HeaderName,
                    CorrelationIdMiddleware.HeaderName, "traceparent")
                .WithExposedHeaders(HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.ContentDisposition, CorrelationIdMiddleware.HeaderName,
                    "Idempotent-Replayed")
                .SetPreflightMaxAge(PreflightMaxAge)));
        }
        return services;
    }

    /// <summary>First in the pipeline, so a preflight is answered before any credential check and every answer (a 401 or 429 too) carries the headers.</summary>
    public static IApplicationBuilder UseGatewayCors(this IApplicationBuilder app, IConfiguration configuration) =>
        Origins(configuration).Length == 0
            ? app
            : app.UseWhen(context => context.Request.Path.StartsWithSegments("/api/v1"), api => api.UseCors(Policy));
}
