namespace Reseller.AppHost.Publishing;

/// <summary>Where the databases and the broker come from in a cluster.</summary>
public enum DataTier
{
    /// <summary>A CloudNativePG Cluster and a RabbitMQ Cluster Operator RabbitmqCluster, declared with the application.</summary>
    Operators,

    /// <summary>Existing (managed) services: every connection string from the reseller-connections Secret.</summary>
    Managed,
}
