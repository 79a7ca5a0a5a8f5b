using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Contract;

namespace Reseller.AppHost.Hosting;

// Resolves the environment contract for a local replica: literal values, local addresses and connection strings.
internal sealed class ProjectEnvironment(
    ProjectEnvironmentContract contract,
    IDictionary<string, string> extra,
    string dataDirectory,
    Func<string, string> connectionStrings,
    Func<ProjectResource, IReadOnlyList<ProjectReplica>> replicas)
{
    private static readonly string[] PassedThrough = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    public static Dictionary<string, EnvironmentSource> Shared(IConfiguration configuration, PlatformSecrets secrets)
    {
        var environmentName = EnvironmentName();
        var shared = new Dictionary<string, EnvironmentSource>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = new EnvironmentSource.Setting(environmentName),
            ["DOTNET_ENVIRONMENT"] = new EnvironmentSource.Setting(environmentName),
            ["Reseller__AdminKey"] = new EnvironmentSource.PlatformSecret("admin-key", secrets.AdminKey),
            ["Reseller__Idempotency__Secret"] = new EnvironmentSource.PlatformSecret("idempotency-secret", secrets.IdempotencySecret),
            ["Reseller__DataProtection__KeyEncryptionKey"] = new EnvironmentSource.PlatformSecret("data-protection-key-encryption-key", secrets.KeyEncryptionKey),
            ["Mail__Directory"] = new EnvironmentSource.DataFolder("mail"),
        };
        foreach (var key in PassedThrough)
        {
            var value = configuration[key];
            if (!string.IsNullOrWhiteSpace(value))
            {
                shared[key] = new EnvironmentSource.Setting(value);
            }
        }

        return shared;
    }

    /// <summary>The environment the services run in: the AppHost's own, Development unless set.</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development";

    public Dictionary<string, string?> For(ProjectReplica replica) =>
        contract.For(replica.Project, extra).ToDictionary(entry => entry.Key, entry => Resolve(entry.Value, replica), StringComparer.Ordinal);

    private string? Resolve(EnvironmentSource source, ProjectReplica replica) => source switch
    {
        EnvironmentSource.Literal literal => literal.Value,
        EnvironmentSource.Setting setting => setting.LocalValue,
        EnvironmentSource.PlatformSecret secret => secret.LocalValue,
        EnvironmentSource.ConnectionString connection => connectionStrings(connection.Resource),
        EnvironmentSource.Endpoint endpoint => replicas(endpoint.Project)[endpoint.Replica].Url,
        EnvironmentSource.ListenUrl => replica.Url,
        EnvironmentSource.InstanceName instance => instance.Prefix + replica.InstanceName,
        EnvironmentSource.DataFolder folder => Path.Combine(dataDirectory, folder.Name),
        EnvironmentSource.Unset => null,
        _ => throw new InvalidOperationException($"no local value for {source}"),
    };
}
