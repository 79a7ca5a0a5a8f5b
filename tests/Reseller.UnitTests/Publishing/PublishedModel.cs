using System.Reflection;

using Reseller.AppHost;
using Reseller.AppHost.Publishing;

namespace Reseller.UnitTests.Publishing;

/// <summary>The Reseller model as the publish command sees it, and where the repository keeps its published manifests.</summary>
internal static class PublishedModel
{
    public static string RepositoryRoot { get; } =
        typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    public static string CommittedManifests => Path.Combine(RepositoryRoot, "deploy", "k8s");

    public static ApplicationModel Declare() => ResellerModel.Declare(DistributedApplicationBuilder.Create([])).Model();

    public static PublishOptions DefaultOptions(string output) =>
        new(output, DataTier.Operators, PublishCommand.DefaultRegistry, PublishCommand.DefaultTag);

    public static KubernetesPublisher Publisher(string output = "unused", DataTier dataTier = DataTier.Operators) =>
        new(Declare(), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), DefaultOptions(output) with { DataTier = dataTier });
}
