using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

// The environment a replica gets, in Aspire's shape: ConnectionStrings__*, services__*__http__*, OTEL_*.
internal sealed class ProjectEnvironment(
    IReadOnlyDictionary<string, string> shared,
    IDictionary<string, string> extra,
    Func<string, string> connectionStrings,
    Func<ProjectResource, IEnumerable<ProjectReplica>> replicas)
{
    private static readonly string[] PassedThrough = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    public static Dictionary<string, string> Shared(IConfiguration configuration, PlatformSecrets secrets, string dataDirectory)
    {
        var environmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Development";
        var shared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            ["Reseller__AdminKey"] = secrets.AdminKey,
            ["Reseller__Idempotency__Secret"] = secrets.IdempotencySecret,
            ["Mail__Directory"] = Path.Combine(dataDirectory, "mail"),
        };
        foreach (var key in PassedThrough)
        {
            var value = configuration[key];
            if (!string.IsNullOrWhiteSpace(value))
            {
                shared[key] = value;
            }
        }

        return shared;
    }

    public Dictionary<string, string?> For(ProjectReplica replica)
    {
        var project = replica.Project;
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = replica.Url,
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replica.InstanceName}",
        };
        foreach ((var key, var value) in shared)
        {
            environment[key] = value;
        }

        foreach (var database in project.DatabaseReferences)
        {
            environment[$"ConnectionStrings__{database.Name}"] = connectionStrings(database.Name);
        }

        foreach (var broker in project.BrokerReferences)
        {
            environment[$"ConnectionStrings__{broker.Name}"] = connectionStrings(broker.Name);
        }

        foreach (var reference in project.ProjectReferences.Union(project.PeerReferences))
        {
            foreach (var target in replicas(reference))
            {
                environment[$"services__{reference.Name}__http__{target.Index}"] = target.Url;
            }
        }

        foreach ((var key, var value) in extra)
        {
            environment[key] = value;
        }

        foreach ((var key, var value) in project.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }
}
