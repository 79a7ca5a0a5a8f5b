namespace Reseller.AppHost.Publishing;

/// <summary>The Prometheus Operator's view of the services: one ServiceMonitor for every service's /metrics.</summary>
public static class MonitoringManifests
{
    public static IEnumerable<Manifest> For(ApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Projects.Count == 0)
        {
            yield break;
        }

        yield return Manifest.Resource("monitoring.coreos.com/v1", "ServiceMonitor", ClusterNames.Metadata("reseller", "monitoring"),
            ("spec", Manifest.Of(
                ("selector", Manifest.Of(("matchLabels", Manifest.Of(
                    ("app.kubernetes.io/part-of", ClusterNames.PartOf),
                    ("app.kubernetes.io/component", "service"))))),
                ("endpoints", new[]
                {
                    Manifest.Of(("port", "http"), ("path", ServiceEndpoints.Metrics), ("interval", "30s")),
                }))));
    }
}
