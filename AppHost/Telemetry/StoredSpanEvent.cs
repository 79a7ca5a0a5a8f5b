namespace Reseller.AppHost.Telemetry;

public sealed record StoredSpanEvent(string Name, DateTimeOffset Time, IReadOnlyList<TelemetryTag> Attributes);
