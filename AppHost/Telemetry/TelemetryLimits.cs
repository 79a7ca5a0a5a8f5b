using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Telemetry;

/// <summary>
/// How much telemetry the AppHost keeps in memory (<c>AppHost__Telemetry__MaxSpans</c>, <c>MaxLogs</c>, <c>MaxSeries</c>,
/// <c>MaxPointsPerSeries</c>): past a limit the oldest goes first, so memory stays flat however long the system runs.
/// </summary>
public sealed record TelemetryLimits(int MaxSpans = 20_000, int MaxLogs = 20_000, int MaxSeries = 5_000, int MaxPointsPerSeries = 120)
{
    public static TelemetryLimits From(IConfiguration configuration)
    {
        var defaults = new TelemetryLimits();
        return new TelemetryLimits(
            Read(configuration, "MaxSpans", defaults.MaxSpans),
            Read(configuration, "MaxLogs", defaults.MaxLogs),
            Read(configuration, "MaxSeries", defaults.MaxSeries),
            Read(configuration, "MaxPointsPerSeries", defaults.MaxPointsPerSeries));
    }

    private static int Read(IConfiguration configuration, string name, int fallback)
    {
        var value = configuration[$"AppHost:Telemetry:{name}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1
            ? limit
            : throw new DistributedApplicationException($"AppHost__Telemetry__{name} must be a whole number of at least 1, not '{value}'");
    }
}
