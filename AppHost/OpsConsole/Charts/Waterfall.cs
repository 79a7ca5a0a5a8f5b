using Reseller.AppHost.Telemetry;

namespace Reseller.AppHost.OpsConsole.Charts;

/// <summary>Orders a trace's spans as a tree (each under its parent, siblings by start) and places their bars in time.</summary>
public static class Waterfall
{
    public static IReadOnlyList<WaterfallRow> Of(IReadOnlyList<StoredSpan> spans)
    {
        if (spans.Count == 0)
        {
            return [];
        }
        var start = spans.Min(s => s.Start);
        var total = Math.Max((spans.Max(s => s.End) - start).TotalMilliseconds, 0.001);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var rows = new List<WaterfallRow>(spans.Count);
        void Visit(StoredSpan span, int depth)
        {
            var offset = (span.Start - start).TotalMilliseconds / total * 100;
            var width = Math.Max(span.Duration.TotalMilliseconds / total * 100, 0.3);
            rows.Add(new WaterfallRow(span, depth, Math.Min(offset, 99.7), Math.Min(width, 100 - Math.Min(offset, 99.7))));
            foreach (var child in children[span.SpanId].OrderBy(s => s.Start))
            {
                Visit(child, depth + 1);
            }
        }
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start))
        {
            Visit(root, 0);
        }
        return rows;
    }
}
