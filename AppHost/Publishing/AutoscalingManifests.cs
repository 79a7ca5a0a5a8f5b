namespace Reseller.AppHost.Publishing;

/// <summary>
/// KEDA ScaledObjects: each project that consumes messages scales on the depth of its own queues (MassTransit names
/// them "{service}-{message}"; the "_error" and "_skipped" queues are left out by the pattern), and Billing also on the
/// renewal lag its metrics report, so a renewal peak adds instances before the queues show it.
/// </summary>
public static class AutoscalingManifests
{
    public const string RabbitMqAuthentication = "reseller-rabbitmq";
    public const string PrometheusAddress = "http://prometheus-operated.monitoring.svc:9090";
    public const int MaxReplicas = 10;
    public const string QueueDepthPerReplica = "200";

    /// <summary>Seconds the oldest due account may wait before Billing adds an instance.</summary>
    public const string RenewalLagPerReplica = "300";

    public static IEnumerable<Manifest> For(ApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var consumers = model.Projects.Where(project => project.BrokerReferences.Count > 0 && project.DatabaseReferences.Count > 0).ToList();
        if (consumers.Count == 0)
        {
            yield break;
        }

        yield return Manifest.Resource("keda.sh/v1alpha1", "TriggerAuthentication", ClusterNames.Metadata(RabbitMqAuthentication, "autoscaling"),
            ("spec", Manifest.Of(("secretTargetRef", new[]
            {
                Manifest.Of(("parameter", "host"), ("name", ClusterNames.RabbitMqManagementSecret), ("key", "uri")),
            }))));
        foreach (var project in consumers)
        {
            var triggers = new List<Manifest>
            {
                Manifest.Of(
                    ("type", "rabbitmq"),
                    ("metadata", Manifest.Of(
                        ("protocol", "http"),
                        ("mode", "QueueLength"),
                        ("value", QueueDepthPerReplica),
                        ("useRegex", "true"),
                        ("operation", "sum"),
                        ("queueName", $"^{project.Name}-[a-z0-9-]+$"))),
                    ("authenticationRef", Manifest.Of(("name", RabbitMqAuthentication)))),
            };
            if (project.Name == "billing")
            {
                triggers.Add(Manifest.Of(
                    ("type", "prometheus"),
                    ("metadata", Manifest.Of(
                        ("serverAddress", PrometheusAddress),
                        ("query", "max(reseller_renewal_lag_seconds)"),
                        ("threshold", RenewalLagPerReplica)))));
            }

            yield return Manifest.Resource("keda.sh/v1alpha1", "ScaledObject", ClusterNames.Metadata(project.Name, "autoscaling"),
                ("spec", Manifest.Of(
                    ("scaleTargetRef", Manifest.Of(("name", project.Name))),
                    ("minReplicaCount", project.Replicas),
                    ("maxReplicaCount", MaxReplicas),
                    ("cooldownPeriod", 300),
                    ("triggers", triggers))));
        }
    }
}
