using Reseller.AppHost.Telemetry;

namespace Reseller.AppHost.OpsConsole.Charts;

/// <summary>A span placed in its trace's waterfall: its depth in the tree and its bar as percentages of the trace's duration.</summary>
public sealed record WaterfallRow(StoredSpan Span, int Depth, double OffsetPercent, double WidthPercent)
{
    public string KindName => Span.Kind switch
    {
        2 => "server",
        3 => "client",
        4 => "producer",
        5 => "consumer",
        _ => "internal",
    };

    /// <summary>What the span touched beyond its service: the database or messaging system it names, or nothing.</summary>
    public string? System =>
        Span.Attributes.FirstOrDefault(a => a.Key is "db.system" or "db.system.name" or "messaging.system")?.Value
        ?? (Span.Attributes.Any(a => a.Key.StartsWith("messaging.", StringComparison.Ordinal)) ? "messaging" : null);
}
