using Reseller.AppHost.Contract;

namespace Reseller.AppHost.Publishing;

/// <summary>
/// The reseller-settings ConfigMap: every Setting of the environment contract, with the base's values (a development
/// deployment); each overlay patches the ones that differ.
/// </summary>
public static class SettingsManifests
{
    public static readonly IReadOnlyDictionary<string, string> BaseValues = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Reseller__PublicUrl"] = $"http://{IngressManifests.DefaultHost}",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://otel-collector:4317",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "15000",
        // A cluster keeps the gateway's own limits, whatever a local run raises them to (LocalGatewayLimits).
        ["Gateway__AnonymousRequestsPerMinute"] = "60",
        ["Gateway__PartnerRequestsPerMinute"] = "3000",
    };

    public static Manifest For(IEnumerable<IReadOnlyList<KeyValuePair<string, EnvironmentSource>>> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var keys = contracts.SelectMany(contract => contract)
            .Where(entry => entry.Value is EnvironmentSource.Setting)
            .Select(entry => entry.Key)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var data = new Manifest();
        foreach (var key in keys)
        {
            data.Add(key, BaseValues.TryGetValue(key, out var value)
                ? value
                : throw new InvalidOperationException($"the setting {key} has no value for a cluster: add it to {nameof(SettingsManifests)}.{nameof(BaseValues)}"));
        }

        return Manifest.Resource("v1", "ConfigMap", ClusterNames.Metadata(ClusterNames.Settings, "settings"), ("data", data));
    }
}
