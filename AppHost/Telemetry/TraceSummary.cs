namespace Reseller.AppHost.Telemetry;

/// <summary>A line of the trace list: the root's name, when, how long, how many spans, from which services, any error.</summary>
public sealed record TraceSummary(string TraceId, string Name, DateTimeOffset Start, TimeSpan Duration, int SpanCount, bool HasError, IReadOnlyList<string> Services);
