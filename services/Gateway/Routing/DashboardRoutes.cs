using Yarp.ReverseProxy.Configuration;

namespace Reseller.Gateway.Routing;

/// <summary>
/// The web dashboard (services/Web) on the API's own origin: every path the gateway does not answer itself and that is not
/// under /api goes to it, its Blazor circuit (/_blazor, WebSockets) included. A browser stays on one replica (affinity
/// cookie), which its circuit needs; its session cookie is readable by every replica.
/// </summary>
public static class DashboardRoutes
{
    public const string Cluster = "web";
    public const string AffinityCookie = ".Reseller.Web.Affinity";

    /// <summary>Below every API route, so the dashboard only gets what nothing else matched.</summary>
    public const int CatchAllOrder = 1000;

    /// <summary>Unknown paths under /api, /.well-known and /internal (never routed) stay the API's 404, never a dashboard page.</summary>
    public const int ApiNotFoundOrder = 500;

    public static IReadOnlyList<Uri> Instances(IConfiguration configuration) => configuration.GetSection($"services:{Cluster}:http").GetChildren()
        .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
        .Select(c => new Uri(c.Value!))
        .ToList();

    public static RouteConfig Route() => new()
    {
        RouteId = "web",
        ClusterId = Cluster,
        Order = CatchAllOrder,
        AuthorizationPolicy = "anonymous",
        Match = new RouteMatch { Path = "/{**path}" },
    };

    public static ClusterConfig ClusterOf(IReadOnlyList<Uri> instances) => new()
    {
        ClusterId = Cluster,
        LoadBalancingPolicy = "PowerOfTwoChoices",
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "Cookie",
            FailurePolicy = "Redistribute",
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true },
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(5),
                Timeout = TimeSpan.FromSeconds(3),
                Policy = "ConsecutiveFailures",
                Path = "/alive",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = "TransportFailureRate",
                ReactivationPeriod = ProxyFailover.DeadReplicaRestsFor,
            },
        },
        Destinations = instances.Select((uri, i) => (uri, i)).ToDictionary(d => $"{Cluster}-{d.i}", d => new DestinationConfig { Address = d.uri.ToString() }),
    };

    public static WebApplication MapApiNotFound(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api/{**rest}", "/.well-known/{**rest}", "/internal/{**rest}" })
        {
            app.Map(prefix, () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ServiceDefaults.Problems.ProblemTypes.Uri("not-found"), title: "Not found."))
                .AllowAnonymous()
                .ExcludeFromDescription()
                .WithOrder(ApiNotFoundOrder);
        }
        return app;
    }
}
