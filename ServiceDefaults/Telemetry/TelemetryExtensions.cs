using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Npgsql;

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Reseller.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // ASP.NET Core's request scope holds the raw path (a link's secret); RequestLogScopeMiddleware opens a redacted one.
        builder.Logging.AddFilter(RequestLogScopeMiddleware.HostingDiagnosticsCategory, LogLevel.None);
        builder.Services.AddTransient<IStartupFilter, RequestLogScopeStartupFilter>();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PlatformTelemetry.MeterName, "MassTransit", "Npgsql")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(PlatformTelemetry.ActivitySourceName, "MassTransit")
                .AddProcessor<LinkTokenRedactingProcessor>()
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotInfrastructureRequest)
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = r => !IsInfrastructurePath(r.RequestUri?.AbsolutePath))
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsNotInfrastructureRequest(HttpContext context) => !IsInfrastructurePath(context.Request.Path.Value);

    private static bool IsInfrastructurePath(string? path) =>
        path is not null && (path.StartsWith(Extensions.HealthEndpointPath, StringComparison.Ordinal)
            || path.StartsWith(Extensions.AlivenessEndpointPath, StringComparison.Ordinal)
            || path.StartsWith(Extensions.MetricsEndpointPath, StringComparison.Ordinal));
}
