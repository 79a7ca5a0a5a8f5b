namespace Reseller.AppHost.Publishing;

/// <summary>
/// The data tier on operators a platform team already runs: a CloudNativePG Cluster with one database per service
/// (the first bootstrapped, the others as Database objects), and a RabbitMqCluster (quorum queues, as the services declare).
/// The base runs one instance of each; the production overlay adds a replica, backups and a three-node broker.
/// </summary>
public static class DataTierManifests
{
    public static IEnumerable<Manifest> For(ApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Postgres is { Databases.Count: > 0 } postgres)
        {
            var first = postgres.Databases[0].Name;
            yield return Manifest.Resource("postgresql.cnpg.io/v1", "Cluster", ClusterNames.Metadata(ClusterNames.PostgresCluster, "database"),
                ("spec", Manifest.Of(
                    ("instances", 1),
                    ("primaryUpdateStrategy", "unsupervised"),
                    ("storage", Manifest.Of(("size", "20Gi"))),
                    ("postgresql", Manifest.Of(("parameters", Manifest.Of(("max_connections", "400"))))),
                    ("bootstrap", Manifest.Of(("initdb", Manifest.Of(("database", first), ("owner", ClusterNames.PostgresOwner))))))));
            foreach (var database in postgres.Databases.Skip(1))
            {
                yield return Manifest.Resource("postgresql.cnpg.io/v1", "Database", ClusterNames.Metadata($"{ClusterNames.PostgresCluster}-{database.Name}", "database"),
                    ("spec", Manifest.Of(
                        ("name", database.Name),
                        ("owner", ClusterNames.PostgresOwner),
                        ("cluster", Manifest.Of(("name", ClusterNames.PostgresCluster))))));
            }
        }

        if (model.RabbitMq is not null)
        {
            yield return Manifest.Resource("rabbitmq.com/v1beta1", "RabbitmqCluster", ClusterNames.Metadata(ClusterNames.MessagingCluster, "messaging"),
                ("spec", Manifest.Of(
                    ("replicas", 1),
                    ("persistence", Manifest.Of(("storage", "10Gi"))),
                    ("resources", Manifest.Of(
                        ("requests", Manifest.Of(("cpu", "500m"), ("memory", "1Gi"))),
                        ("limits", Manifest.Of(("memory", "2Gi"))))))));
        }
    }
}
