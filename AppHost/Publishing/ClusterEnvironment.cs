using Reseller.AppHost.Contract;

namespace Reseller.AppHost.Publishing;

/// <summary>
/// Resolves a project's environment contract for a cluster: settings from the reseller-settings ConfigMap, secrets by
/// name (never values), other projects at their Service's DNS name, this replica as its pod.
/// </summary>
public sealed class ClusterEnvironment(ApplicationModel model, DataTier dataTier)
{
    public const string PodName = "POD_NAME";
    public const string MigrationsMode = "Database__Migrations";
    private const string PostgresUser = "RESELLER_POSTGRES_USER";
    private const string PostgresPassword = "RESELLER_POSTGRES_PASSWORD";
    private const string RabbitMqUser = "RESELLER_RABBITMQ_USER";
    private const string RabbitMqPassword = "RESELLER_RABBITMQ_PASSWORD";

    /// <summary>The variables a cluster adds to the contract, and why: each is allowed by the test that compares the two.</summary>
    public static IReadOnlySet<string> ClusterOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PodName, MigrationsMode, PostgresUser, PostgresPassword, RabbitMqUser, RabbitMqPassword,
    };

    public IReadOnlyList<Manifest> For(ProjectResource project, IReadOnlyList<KeyValuePair<string, EnvironmentSource>> contract, string migrations)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(contract);
        var entries = new List<Manifest>
        {
            Manifest.Of(("name", PodName), ("valueFrom", Manifest.Of(("fieldRef", Manifest.Of(("fieldPath", "metadata.name")))))),
        };
        if (dataTier == DataTier.Operators && project.DatabaseReferences.Count > 0)
        {
            entries.Add(FromSecret(PostgresUser, ClusterNames.PostgresAppSecret, "username"));
            entries.Add(FromSecret(PostgresPassword, ClusterNames.PostgresAppSecret, "password"));
        }

        if (dataTier == DataTier.Operators && project.BrokerReferences.Count > 0)
        {
            entries.Add(FromSecret(RabbitMqUser, ClusterNames.MessagingUserSecret, "username"));
            entries.Add(FromSecret(RabbitMqPassword, ClusterNames.MessagingUserSecret, "password"));
        }

        foreach ((var key, var source) in contract)
        {
            if (Resolve(key, source) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (project.DatabaseReferences.Count > 0)
        {
            entries.Add(Value(MigrationsMode, migrations));
        }

        return entries;
    }

    private Manifest? Resolve(string key, EnvironmentSource source) => source switch
    {
        EnvironmentSource.Literal literal => Value(key, literal.Value),
        EnvironmentSource.Setting => Manifest.Of(("name", key), ("valueFrom", Manifest.Of(("configMapKeyRef", Manifest.Of(("name", ClusterNames.Settings), ("key", key)))))),
        EnvironmentSource.PlatformSecret secret => FromSecret(key, ClusterNames.PlatformSecret, secret.SecretKey),
        EnvironmentSource.ConnectionString connection => ConnectionString(key, connection.Resource),
        EnvironmentSource.Endpoint { Replica: 0 } endpoint => Value(key, $"http://{endpoint.Project.Name}:{ClusterNames.HttpPort}"),
        // A Service spreads calls over every replica behind one name: the other replicas' addresses have no counterpart.
        EnvironmentSource.Endpoint => null,
        EnvironmentSource.ListenUrl => Value(key, $"http://+:{ClusterNames.HttpPort}"),
        EnvironmentSource.InstanceName instance => Value(key, $"{instance.Prefix}$({PodName})"),
        EnvironmentSource.DataFolder folder => Value(key, $"{ClusterNames.DataMount}/{folder.Name}"),
        // The image's own ASPNETCORE_HTTP_PORTS cannot be removed in a pod, only emptied.
        EnvironmentSource.Unset => Value(key, ""),
        _ => throw new InvalidOperationException($"no cluster value for {key}"),
    };

    private Manifest ConnectionString(string key, string resource)
    {
        if (dataTier == DataTier.Managed)
        {
            return FromSecret(key, ClusterNames.ConnectionsSecret, resource);
        }

        if (model.RabbitMq?.Name == resource)
        {
            return Value(key, $"amqp://$({RabbitMqUser}):$({RabbitMqPassword})@{ClusterNames.MessagingCluster}:5672/");
        }

        return Value(key, $"Host={ClusterNames.PostgresCluster}-rw;Port=5432;Database={resource};Username=$({PostgresUser});Password=$({PostgresPassword})");
    }

    private static Manifest Value(string key, string value) => Manifest.Of(("name", key), ("value", value));

    private static Manifest FromSecret(string key, string secret, string secretKey) =>
        Manifest.Of(("name", key), ("valueFrom", Manifest.Of(("secretKeyRef", Manifest.Of(("name", secret), ("key", secretKey))))));
}
