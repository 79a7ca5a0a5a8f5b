using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>The platform's own activity source and meter; business metrics hang off the meter.</summary>
public static class PlatformTelemetry
{
    public const string ActivitySourceName = "Reseller";
    public const string MeterName = "Reseller";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
