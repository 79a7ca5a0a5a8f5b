using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>
/// The request's log scope (RequestPath, RequestId) in place of ASP.NET Core's own, whose path would carry a link's
/// secret into every log line written during the request (scopes are exported with the logs).
/// </summary>
public sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    /// <summary>ASP.NET Core opens its request scope, with the raw path, only while this category is enabled.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = LinkTokens.Redact((context.Request.PathBase + context.Request.Path).ToString());
        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = path, ["RequestId"] = context.TraceIdentifier }))
        {
            await next(context);
        }
    }
}
