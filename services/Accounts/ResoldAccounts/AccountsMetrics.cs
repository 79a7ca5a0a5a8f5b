using System.Diagnostics.Metrics;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>Accounts' business metrics, exported with the platform meter.</summary>
public static class AccountsMetrics
{
    public static readonly Counter<long> Created = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.accounts.created", description: "Accounts opened, by product and cadence");

    public static readonly GaugeReadings<long> StatusReadings = new();

    public static readonly ObservableGauge<long> ByStatus = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.accounts.status", StatusReadings.Read, description: "Accounts by status");

    public static void CountCreated(string product, string cadence) =>
        Created.Add(1, new KeyValuePair<string, object?>("product", product), new KeyValuePair<string, object?>("cadence", cadence));
}
