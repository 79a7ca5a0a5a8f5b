using Microsoft.Extensions.Configuration;

using Reseller.AppHost;
using Reseller.AppHost.Publishing;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// The environment the published production overlay gives each project, read from the publisher's own manifests (each
/// base Deployment merged with the overlay's patch by variable name, the settings ConfigMap with the overlay's data, as
/// kustomize builds them), so a system run from it cannot drift from what a cluster gets. Only what the overlay decides
/// is taken: its settings, its own variables and their Secrets. The variables the AppHost resolves from the shared
/// contract (addresses, connection strings, platform secrets) keep their local values: EnvironmentParityTests proves
/// those are the same variables. The cluster's own mechanics (pod name, operator credentials, migrations Job) are left out.
/// </summary>
internal sealed class ProductionOverlay(IReadOnlyDictionary<string, IReadOnlyList<Manifest>> manifests)
{
    public static ProductionOverlay Of(ApplicationModel model) =>
        new(new KubernetesPublisher(model, new ConfigurationBuilder().Build(),
            new PublishOptions("unused", DataTier.Operators, PublishCommand.DefaultRegistry, PublishCommand.DefaultTag)).Manifests());

    /// <summary>The reseller-settings ConfigMap of the production overlay: the base's data, the overlay's on top.</summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { "base/settings.yaml", "overlays/production/settings.yaml" })
        {
            var configMap = manifests[file].Single(manifest => manifest.Kind == "ConfigMap" && manifest.Name == ClusterNames.Settings);
            foreach ((var key, var value) in (Manifest)configMap["data"]!)
            {
                settings[key] = (string)value!;
            }
        }

        return settings;
    }

    /// <summary>
    /// The variables the overlay decides for a project, resolved here: ConfigMap keys from <see cref="Settings"/>, Secret keys
    /// by <paramref name="secret"/> (name, key), then each value passed through <paramref name="local"/> (variable, value),
    /// which maps a cluster or external address to the server that stands for it on this machine.
    /// </summary>
    public Dictionary<string, string> EnvironmentOf(string project, Func<string, string, string> secret, Func<string, string, string> local)
    {
        var settings = Settings();
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((var entry, var fromOverlay) in Environment(project))
        {
            var name = (string)entry["name"]!;
            var from = entry.GetValueOrDefault("valueFrom") as Manifest;
            var fromSettings = from?.GetValueOrDefault("configMapKeyRef") as Manifest;
            if (ClusterEnvironment.ClusterOnly.Contains(name) || (!fromOverlay && fromSettings is null))
            {
                continue;
            }

            var value = fromSettings is not null
                ? settings[(string)fromSettings["key"]!]
                : from?.GetValueOrDefault("secretKeyRef") is Manifest fromSecret
                    ? secret((string)fromSecret["name"]!, (string)fromSecret["key"]!)
                    : (string?)entry.GetValueOrDefault("value") ?? throw new InvalidOperationException($"{project}: {name} has neither value nor known source");
            resolved[name] = local(name, value);
        }

        return resolved;
    }

    /// <summary>The container's variables once the overlay's patch is applied, each marked whether the overlay set it.</summary>
    private List<(Manifest Entry, bool FromOverlay)> Environment(string project)
    {
        var merged = ContainerEnvironment(manifests[$"base/{project}.yaml"], project).Select(entry => (entry, false)).ToList();
        foreach (var patch in ContainerEnvironment(manifests[$"overlays/production/{project}.yaml"], project))
        {
            merged.RemoveAll(existing => (string)existing.entry["name"]! == (string)patch["name"]!);
            merged.Add((patch, true));
        }

        return merged;
    }

    private static IEnumerable<Manifest> ContainerEnvironment(IReadOnlyList<Manifest> file, string project)
    {
        var deployment = file.Single(manifest => manifest.Kind == "Deployment");
        var podSpec = (Manifest)((Manifest)((Manifest)deployment["spec"]!)["template"]!)["spec"]!;
        var container = ((IEnumerable<Manifest>)podSpec["containers"]!).Single(c => (string)c["name"]! == project);
        return container.GetValueOrDefault("env") as IEnumerable<Manifest> ?? [];
    }
}
