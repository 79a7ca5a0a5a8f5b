namespace Reseller.AppHost.Telemetry;

/// <summary>A span as received over OTLP, with the resource (service, replica) that sent it.</summary>
public sealed record StoredSpan(
    string Service,
    string Instance,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<TelemetryTag> Attributes,
    IReadOnlyList<StoredSpanEvent> Events)
{
    public TimeSpan Duration => End - Start;
}
