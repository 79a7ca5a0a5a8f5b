using System.Diagnostics;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= LinkTokens.Redact(ctx.HttpContext.Request.Path);
            if (ctx.ProblemDetails.Type is null || !ctx.ProblemDetails.Type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal))
            {
                ctx.ProblemDetails.Type = ProblemTypes.Uri(StatusSlug(ctx.ProblemDetails.Status));
            }
            ctx.ProblemDetails.Extensions["trace_id"] = Activity.Current?.TraceId.ToString();
        });
        // After the default writer, which answers every client that accepts JSON; this one answers the others.
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
        services.AddExceptionHandler<PlatformExceptionHandler>();
        return services;
    }

    private static string StatusSlug(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed-request",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "payload-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        _ => "error",
    };
}
