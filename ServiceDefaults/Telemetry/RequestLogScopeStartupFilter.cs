using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>Puts <see cref="RequestLogScopeMiddleware"/> first in every service's pipeline, before anything may log.</summary>
public sealed class RequestLogScopeStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestLogScopeMiddleware>();
        next(app);
    };
}
