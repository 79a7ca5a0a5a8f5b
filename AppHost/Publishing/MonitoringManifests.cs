namespace Reseller.AppHost.Publishing;

/// <summary>
/// The Prometheus Operator's view of the services: one ServiceMonitor for every service's /metrics, and the alert rules of
/// deploy/prometheus/reseller-alerts.yml (the file promtool's unit tests check) as a PrometheusRule.
/// </summary>
public static class MonitoringManifests
{
    public const string AlertRulesFile = "deploy/prometheus/reseller-alerts.yml";

    public static IEnumerable<Manifest> For(ApplicationModel model, string? alertRules)
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
        if (alertRules is not null)
        {
            yield return Manifest.Resource("monitoring.coreos.com/v1", "PrometheusRule", ClusterNames.Metadata("reseller-alerts", "monitoring"),
                ("spec", new RawYaml(WithoutLeadingComments(alertRules))));
        }
    }

    private static string WithoutLeadingComments(string rules) =>
        string.Join('\n', rules.ReplaceLineEndings("\n").Split('\n').SkipWhile(line => line.StartsWith('#') || line.Length == 0));
}
