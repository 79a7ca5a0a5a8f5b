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

    public static IReadOnlyList<Uri> Instances(IConfiguration configuration) => ServiceDestinations.InstancesOf(configuration, Cluster);

    public static RouteConfig Route() => new()
    {
        RouteId = "web",
        ClusterId = Cluster,
        Order = CatchAllOrder,
        AuthorizationPolicy = "anonymous",
        Match = new RouteMatch { Path = "/{**path}" },
    };

    /// <summary>Balanced and health-checked like every service's cluster, and sticky: a Blazor circuit lives on one replica.</summary>
    public static ClusterConfig ClusterOf(IReadOnlyList<Uri> instances) => GatewayClusters.Balanced(Cluster, instances) with
    {
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "Cookie",
            FailurePolicy = "Redistribute",
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true },
        },
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
