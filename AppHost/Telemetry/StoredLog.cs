namespace Reseller.AppHost.Telemetry;

/// <summary>A structured log record as received over OTLP.</summary>
public sealed record StoredLog(
    string Service,
    string Instance,
    DateTimeOffset Time,
    int SeverityNumber,
    string Level,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<TelemetryTag> Attributes);
