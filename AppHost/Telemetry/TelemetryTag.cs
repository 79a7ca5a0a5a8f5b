namespace Reseller.AppHost.Telemetry;

/// <summary>One attribute of a span, event, log record, metric point or resource, its value as text.</summary>
public sealed record TelemetryTag(string Key, string Value);
