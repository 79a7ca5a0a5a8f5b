using System.Diagnostics.Metrics;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Credits.Consumptions;

/// <summary>Credits' business metrics, exported with the platform meter.</summary>
public static class CreditsMetrics
{
    public static readonly Counter<long> Consumed = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.credits.consumed", description: "Credits consumed by the product, by kind");

    public static void CountConsumed(string kind, long quantity) => Consumed.Add(quantity, new KeyValuePair<string, object?>("kind", kind));
}
