using System.Collections.Concurrent;

namespace Reseller.AppHost.Telemetry;

/// <summary>
/// The telemetry the AppHost received, in memory and bounded by <see cref="TelemetryLimits"/>: the latest spans, the latest
/// log records, and per metric series its latest points (a series beyond <see cref="TelemetryLimits.MaxSeries"/> is not kept).
/// </summary>
public sealed class TelemetryStore(TelemetryLimits limits)
{
    private readonly BoundedBuffer<StoredSpan> spans = new(limits.MaxSpans);
    private readonly BoundedBuffer<StoredLog> logs = new(limits.MaxLogs);
    private readonly ConcurrentDictionary<string, MetricSeries> series = new(StringComparer.Ordinal);

    public TelemetryLimits Limits => limits;

    public int SpanCount => spans.Count;

    public int LogCount => logs.Count;

    public int SeriesCount => series.Count;

    public int MaxPointsInAnySeries => series.Values.Select(s => s.Count).DefaultIfEmpty(0).Max();

    public IReadOnlyList<StoredSpan> Spans => spans.Snapshot();

    public IReadOnlyList<StoredLog> Logs => logs.Snapshot();

    public IReadOnlyList<MetricSeries> Series => [.. series.Values.OrderBy(s => s.Service, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];

    public void Add(StoredSpan span) => spans.Add(span);

    public void Add(StoredLog log) => logs.Add(log);

    public void Add(string service, string instance, string name, string unit, string description, string type, IReadOnlyList<TelemetryTag> dimensions, MetricPoint point)
    {
        var key = string.Join('\u001f', [service, instance, name, .. dimensions.Select(d => d.Key + "=" + d.Value)]);
        if (!series.TryGetValue(key, out var found))
        {
            if (series.Count >= limits.MaxSeries)
            {
                return;
            }
            found = series.GetOrAdd(key, _ => new MetricSeries(service, instance, name, unit, description, type, dimensions, limits.MaxPointsPerSeries));
        }
        found.Add(point);
    }

    /// <summary>The traces of the kept spans, newest first.</summary>
    public IReadOnlyList<TraceSummary> Traces() =>
    [
        .. spans.Snapshot().GroupBy(s => s.TraceId).Select(Summarize).OrderByDescending(t => t.Start),
    ];

    /// <summary>A trace's kept spans, in start order (the waterfall).</summary>
    public IReadOnlyList<StoredSpan> Trace(string traceId) =>
        [.. spans.Snapshot().Where(s => s.TraceId == traceId).OrderBy(s => s.Start)];

    private static TraceSummary Summarize(IGrouping<string, StoredSpan> trace)
    {
        var ids = trace.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = trace.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start).First();
        var start = trace.Min(s => s.Start);
        return new TraceSummary(trace.Key, $"{root.Service}: {root.Name}", start, trace.Max(s => s.End) - start, trace.Count(),
            trace.Any(s => s.IsError), [.. trace.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal)]);
    }
}
