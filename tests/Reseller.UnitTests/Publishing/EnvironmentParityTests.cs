using Reseller.AppHost;
using Reseller.AppHost.Publishing;

namespace Reseller.UnitTests.Publishing;

/// <summary>
/// Each Deployment gets the environment the AppHost gives the same project locally, names mapped: the same variables
/// (one address per referenced Service instead of one per replica), the same literal values, addresses of the same
/// projects and connection strings to the same databases. The two cannot drift apart unnoticed.
/// </summary>
public sealed class EnvironmentParityTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "reseller-parity-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Projects() => [.. PublishedModel.Declare().Projects.Select(project => project.Name)];

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task A_deployment_gets_the_environment_the_AppHost_gives_the_project(string project)
    {
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            Args = ["--OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317", "--OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"],
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
        });
        await using var app = ResellerModel.Declare(builder).Build();
        var local = app.EnvironmentOf(project);
        var cluster = Deployment(project);

        var localKeys = local.Keys.Where(key => !IsExtraReplicaAddress(key)).ToHashSet();
        var clusterKeys = cluster.Keys.Except(ClusterEnvironment.ClusterOnly).ToHashSet();
        Assert.Equal(localKeys.Order(), clusterKeys.Order());

        foreach ((var key, var localValue) in local.Where(entry => localKeys.Contains(entry.Key)))
        {
            var clusterValue = cluster[key];
            if (key.StartsWith("services__", StringComparison.Ordinal))
            {
                var target = key.Split("__")[1];
                Assert.Equal(app.GetEndpoint(target).ToString().TrimEnd('/'), localValue);
                Assert.Equal($"http://{target}:{ClusterNames.HttpPort}", clusterValue.Value);
            }
            else if (key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            {
                var resource = key["ConnectionStrings__".Length..];
                Assert.Equal(app.GetConnectionString(resource), localValue);
                Assert.Contains(resource == "messaging" ? ClusterNames.MessagingCluster : $"Database={resource};", clusterValue.Value, StringComparison.Ordinal);
            }
            else if (clusterValue.Value is { } literal && !literal.Contains("$(", StringComparison.Ordinal) && key is not ("ASPNETCORE_URLS" or "Mail__Directory"))
            {
                Assert.True(literal == (localValue ?? ""), $"{key}: locally '{localValue}', in the cluster '{literal}'");
            }
            else
            {
                Assert.True(clusterValue.Value is not null || clusterValue.From is not null, $"{key} has no value in the cluster");
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static bool IsExtraReplicaAddress(string key) =>
        key.StartsWith("services__", StringComparison.Ordinal) && !key.EndsWith("__http__0", StringComparison.Ordinal);

    private static Dictionary<string, (string? Value, Manifest? From)> Deployment(string project)
    {
        var deployment = PublishedModel.Publisher().Manifests()[$"base/{project}.yaml"].Single(manifest => manifest.Kind == "Deployment");
        var podSpec = (Manifest)((Manifest)((Manifest)deployment["spec"]!)["template"]!)["spec"]!;
        var container = ((IEnumerable<Manifest>)podSpec["containers"]!).Single();
        return ((IEnumerable<Manifest>)container["env"]!).ToDictionary(
            entry => (string)entry["name"]!,
            entry => (entry.GetValueOrDefault("value") as string, entry.GetValueOrDefault("valueFrom") as Manifest));
    }
}
