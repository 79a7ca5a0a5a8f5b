namespace Reseller.AppHost.Publishing;

/// <summary>The names a cluster deployment agrees on: the objects users create (Secrets) are named here and in the README.</summary>
public static class ClusterNames
{
    public const string PartOf = "reseller";
    public const int HttpPort = 8080;
    public const string Settings = "reseller-settings";
    public const string PlatformSecret = "reseller-platform";
    public const string ConnectionsSecret = "reseller-connections";
    public const string StripeSecret = "reseller-stripe";
    public const string PayPalSecret = "reseller-paypal";
    public const string RabbitMqManagementSecret = "reseller-rabbitmq-management";
    public const string BackupSecret = "reseller-backup-s3";
    public const string PostgresCluster = "reseller-postgres";
    public const string PostgresOwner = "reseller";
    public const string MessagingCluster = "reseller-messaging";
    public const string DataMount = "/var/reseller";

    // Secrets the operators generate: CloudNativePG "<cluster>-app" for the bootstrap owner, the RabbitMQ Cluster
    // Operator "<cluster>-default-user".
    public const string PostgresAppSecret = PostgresCluster + "-app";
    public const string MessagingUserSecret = MessagingCluster + "-default-user";

    // The uid of the "app" user of Microsoft's chiseled .NET images.
    public const long AppUser = 1654;

    public static Manifest Labels(string name, string? component = null) => Manifest.Of(
        ("app.kubernetes.io/name", name),
        ("app.kubernetes.io/part-of", PartOf),
        ("app.kubernetes.io/component", component));

    public static Manifest Selector(string name) => Manifest.Of(("app.kubernetes.io/name", name));

    public static Manifest Metadata(string name, string? component = null) => Manifest.Of(("name", name), ("labels", Labels(name, component)));
}
