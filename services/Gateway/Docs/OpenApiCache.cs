namespace Reseller.Gateway.Docs;

/// <summary>Keeps the merged document for a minute so /docs does not fan out on every page view.</summary>
public sealed class OpenApiCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (string Json, DateTimeOffset BuiltAt)? cached;

    public async Task<string> GetAsync(OpenApiAggregator aggregator, CancellationToken cancellationToken)
    {
        if (cached is { } entry && clock.GetUtcNow() - entry.BuiltAt < Lifetime)
        {
            return entry.Json;
        }
        var json = (await aggregator.BuildAsync(cancellationToken)).ToJsonString();
        cached = (json, clock.GetUtcNow());
        return json;
    }
}
