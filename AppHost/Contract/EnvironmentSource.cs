namespace Reseller.AppHost.Contract;

/// <summary>
/// Where one environment variable of a project comes from. The AppHost resolves each source to a local value; the
/// Kubernetes publisher to a ConfigMap key, a Secret key or a cluster address. One contract, two resolvers, so what a
/// project is given locally and in a cluster cannot drift apart.
/// </summary>
public abstract record EnvironmentSource
{
    private EnvironmentSource()
    {
    }

    /// <summary>The same value everywhere.</summary>
    public sealed record Literal(string Value) : EnvironmentSource;

    /// <summary>A deployment-wide setting (environment name, public address): a ConfigMap key in a cluster.</summary>
    public sealed record Setting(string LocalValue) : EnvironmentSource;

    /// <summary>A platform secret (the operator's key, the idempotency key): a Secret key in a cluster, never a literal.</summary>
    public sealed record PlatformSecret(string SecretKey, string LocalValue) : EnvironmentSource;

    /// <summary>The connection string of a database or broker of the model.</summary>
    public sealed record ConnectionString(string Resource) : EnvironmentSource;

    /// <summary>The HTTP address of a replica of another project (one address per Service in a cluster).</summary>
    public sealed record Endpoint(ProjectResource Project, int Replica) : EnvironmentSource;

    /// <summary>The address this replica listens on.</summary>
    public sealed record ListenUrl : EnvironmentSource;

    /// <summary>This replica's own name (billing-0 locally, the pod's name in a cluster), after a fixed prefix.</summary>
    public sealed record InstanceName(string Prefix) : EnvironmentSource;

    /// <summary>A writable folder for files (mail pick-up): under .data locally, a volume in a cluster.</summary>
    public sealed record DataFolder(string Name) : EnvironmentSource;

    /// <summary>A variable that must not be inherited (ASP.NET Core's default ports).</summary>
    public sealed record Unset : EnvironmentSource;
}
