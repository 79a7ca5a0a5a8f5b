using System.Diagnostics.Metrics;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Partners.Commissions;

/// <summary>Partners' business metrics, exported with the platform meter.</summary>
public static class CommissionsMetrics
{
    public static readonly Counter<long> Earned = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.commissions.earned", description: "Commission earnings recorded (reversals not counted), by kind");

    public static void CountEarned(string kind) => Earned.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
