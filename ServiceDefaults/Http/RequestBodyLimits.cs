using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.Http;

/// <summary>
/// Request bodies are capped at 1 MiB in every process (Kestrel answers 413 past it), so nobody can tie up memory and
/// JSON parsing with huge bodies; an endpoint that needs more says so with a RequestSizeLimit of its own.
/// </summary>
public static class RequestBodyLimits
{
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>Account defaults carry up to 50 HTML templates of 200,000 characters each, JSON-escaped.</summary>
    public const long TemplatesMaxBytes = 24 * 1024 * 1024;

    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = DefaultMaxBytes);
}
