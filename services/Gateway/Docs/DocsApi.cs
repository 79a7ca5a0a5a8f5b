using Scalar.AspNetCore;

namespace Reseller.Gateway.Docs;

public static class DocsApi
{
    public const string DocumentPath = "/docs/openapi.json";

    /// <summary>The merged OpenAPI document of all services and an interactive reference of it at /docs.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapGet(DocumentPath, async (OpenApiAggregator aggregator, OpenApiCache cache, CancellationToken cancellationToken) =>
                Results.Text(await cache.GetAsync(aggregator, cancellationToken), "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Reseller API")
            .WithOpenApiRoutePattern(DocumentPath))
            .AllowAnonymous();
        return app;
    }
}
