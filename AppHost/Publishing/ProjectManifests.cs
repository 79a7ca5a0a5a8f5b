using Reseller.AppHost.Contract;

namespace Reseller.AppHost.Publishing;

/// <summary>Per project: a Deployment, a Service, a PodDisruptionBudget, and a migrations Job when it owns a database.</summary>
public sealed class ProjectManifests(ClusterEnvironment environment, PublishOptions options)
{
    /// <summary>
    /// Longer than the longest piece of work a replica finishes after SIGTERM: a renewal batch and the bus's consumers
    /// (MassTransit's 15 s stop timeout) within the host's 30 s shutdown, after the 5 s pre-stop pause.
    /// </summary>
    public const int TerminationGraceSeconds = 60;

    private static readonly string[] DroppedCapabilities = ["ALL"];

    public IEnumerable<Manifest> For(ProjectResource project, IReadOnlyList<KeyValuePair<string, EnvironmentSource>> contract)
    {
        ArgumentNullException.ThrowIfNull(project);
        yield return Deployment(project, contract);
        yield return Service(project);
        yield return DisruptionBudget(project);
        if (project.DatabaseReferences.Count > 0)
        {
            yield return MigrationJob(project, contract);
        }
    }

    public string Image(ProjectResource project) => $"{options.Registry}/{project.Name}:{options.Tag}";

    private Manifest Deployment(ProjectResource project, IReadOnlyList<KeyValuePair<string, EnvironmentSource>> contract)
    {
        var container = Container(project, environment.For(project, contract, "wait"));
        container.Add("ports", new[] { Manifest.Of(("name", "http"), ("containerPort", ClusterNames.HttpPort)) });
        container.Add("startupProbe", Probe(ServiceEndpoints.Alive, periodSeconds: 2, failureThreshold: 60));
        container.Add("livenessProbe", Probe(ServiceEndpoints.Alive, periodSeconds: 10, failureThreshold: 3));
        container.Add("readinessProbe", Probe(ServiceEndpoints.Health, periodSeconds: 5, failureThreshold: 2));
        // Endpoints stop sending new requests before the process hears SIGTERM.
        container.Add("lifecycle", Manifest.Of(("preStop", Manifest.Of(("sleep", Manifest.Of(("seconds", 5L)))))));

        var podSpec = PodSpec(container);
        podSpec.Insert(0, "terminationGracePeriodSeconds", (long)TerminationGraceSeconds);
        return Manifest.Resource("apps/v1", "Deployment", ClusterNames.Metadata(project.Name, "service"),
            ("spec", Manifest.Of(
                ("replicas", project.Replicas),
                ("revisionHistoryLimit", 5),
                ("selector", Manifest.Of(("matchLabels", ClusterNames.Selector(project.Name)))),
                ("strategy", Manifest.Of(("type", "RollingUpdate"), ("rollingUpdate", Manifest.Of(("maxUnavailable", 0), ("maxSurge", 1))))),
                ("template", Manifest.Of(
                    ("metadata", Manifest.Of(("labels", ClusterNames.Labels(project.Name, "service")))),
                    ("spec", podSpec))))));
    }

    private Manifest MigrationJob(ProjectResource project, IReadOnlyList<KeyValuePair<string, EnvironmentSource>> contract)
    {
        var name = $"{project.Name}-migrations";
        var podSpec = PodSpec(Container(project, environment.For(project, contract, "only")));
        podSpec.Insert(0, "restartPolicy", "OnFailure");
        return Manifest.Resource("batch/v1", "Job", ClusterNames.Metadata(name, "migrations"),
            ("spec", Manifest.Of(
                ("backoffLimit", 6),
                ("ttlSecondsAfterFinished", 3600),
                ("template", Manifest.Of(
                    ("metadata", Manifest.Of(("labels", ClusterNames.Labels(name, "migrations")))),
                    ("spec", podSpec))))));
    }

    private static Manifest Service(ProjectResource project) =>
        Manifest.Resource("v1", "Service", ClusterNames.Metadata(project.Name, "service"),
            ("spec", Manifest.Of(
                ("selector", ClusterNames.Selector(project.Name)),
                ("ports", new[] { Manifest.Of(("name", "http"), ("port", ClusterNames.HttpPort), ("targetPort", "http")) }))));

    private static Manifest DisruptionBudget(ProjectResource project) =>
        Manifest.Resource("policy/v1", "PodDisruptionBudget", ClusterNames.Metadata(project.Name, "service"),
            ("spec", Manifest.Of(
                ("maxUnavailable", 1),
                ("selector", Manifest.Of(("matchLabels", ClusterNames.Selector(project.Name)))))));

    private Manifest Container(ProjectResource project, IReadOnlyList<Manifest> env) => Manifest.Of(
        ("name", project.Name),
        ("image", Image(project)),
        ("env", env),
        ("resources", ResourceSizing.For(project)),
        ("securityContext", Manifest.Of(
            ("allowPrivilegeEscalation", false),
            ("readOnlyRootFilesystem", true),
            ("capabilities", Manifest.Of(("drop", DroppedCapabilities))))),
        ("volumeMounts", new[]
        {
            Manifest.Of(("name", "tmp"), ("mountPath", "/tmp")),
            Manifest.Of(("name", "data"), ("mountPath", ClusterNames.DataMount)),
        }));

    private static Manifest PodSpec(Manifest container) => Manifest.Of(
        ("automountServiceAccountToken", false),
        ("securityContext", Manifest.Of(
            ("runAsNonRoot", true),
            ("runAsUser", ClusterNames.AppUser),
            ("runAsGroup", ClusterNames.AppUser),
            ("fsGroup", ClusterNames.AppUser),
            ("seccompProfile", Manifest.Of(("type", "RuntimeDefault"))))),
        ("containers", new[] { container }),
        ("volumes", new[]
        {
            Manifest.Of(("name", "tmp"), ("emptyDir", new Manifest())),
            Manifest.Of(("name", "data"), ("emptyDir", new Manifest())),
        }));

    private static Manifest Probe(string path, int periodSeconds, int failureThreshold) => Manifest.Of(
        ("httpGet", Manifest.Of(("path", path), ("port", "http"))),
        ("periodSeconds", periodSeconds),
        ("timeoutSeconds", 2),
        ("failureThreshold", failureThreshold));
}
