using Yarp.ReverseProxy.Configuration;

namespace Reseller.Gateway.Routing;

/// <summary>
/// One cluster per service, balanced over its replicas, with active health checks so a dead replica leaves the rotation,
/// and passive ones so a replica that refuses connections leaves it at once (see <see cref="ProxyFailover"/>).
/// </summary>
public static class GatewayClusters
{
    public static IReadOnlyList<ClusterConfig> From(ServiceDestinations services) =>
        services.Instances.Select(service => Balanced(service.Key, service.Value)).ToList();

    /// <summary>A cluster balanced over the instances, each named after the cluster and its replica number.</summary>
    public static ClusterConfig Balanced(string clusterId, IReadOnlyList<Uri> instances) => new()
    {
        ClusterId = clusterId,
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
        Destinations = instances.Select((uri, i) => (uri, i))
            .ToDictionary(d => $"{clusterId}-{d.i}", d => new DestinationConfig { Address = d.uri.ToString() }),
    };
}
