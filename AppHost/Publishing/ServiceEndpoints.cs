namespace Reseller.AppHost.Publishing;

/// <summary>The paths every service maps in ServiceDefaults (Extensions.HealthEndpointPath and its neighbours).</summary>
public static class ServiceEndpoints
{
    public const string Health = "/health";
    public const string Alive = "/alive";
    public const string Metrics = "/metrics";
}
