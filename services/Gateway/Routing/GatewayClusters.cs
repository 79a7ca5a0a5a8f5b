using Yarp.ReverseProxy.Configuration;

namespace Reseller.Gateway.Routing;

/// <summary>
/// One cluster per service, balanced over its replicas, with active health checks so a dead replica leaves the rotation,
/// and passive ones so a replica that refuses connections leaves it at once (see <see cref="ProxyFailover"/>).
/// </summary>
public static class GatewayClusters
{
    public static IReadOnlyList<ClusterConfig> From(ServiceDestinations services) => services.Instances
        .Select(service => new ClusterConfig
        {
            ClusterId = service.Key,
            LoadBalancingPolicy = "PowerOfTwoChoices",
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
            Destinations = service.Value.Select((uri, i) => (uri, i))
                .ToDictionary(d => $"{service.Key}-{d.i}", d => new DestinationConfig { Address = d.uri.ToString() }),
        })
        .ToList();
}
