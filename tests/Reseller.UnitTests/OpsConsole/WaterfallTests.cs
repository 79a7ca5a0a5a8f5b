using Reseller.AppHost.OpsConsole.Charts;
using Reseller.AppHost.Telemetry;

namespace Reseller.UnitTests.OpsConsole;

public sealed class WaterfallTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Spans_are_placed_under_their_parent_in_start_order_with_bars_in_proportion_to_the_trace()
    {
        StoredSpan[] spans =
        [
            Span("consume", "publish", 60, 100, kind: 5, system: "rabbitmq"),
            Span("root", "caller-outside", 0, 100),
            Span("publish", "root", 50, 55, kind: 4, system: "rabbitmq"),
            Span("query", "root", 10, 30, system: "postgresql"),
        ];

        var rows = Waterfall.Of(spans);

        Assert.Equal(["root", "query", "publish", "consume"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 1, 1, 2], rows.Select(r => r.Depth));
        Assert.Equal((10, 20), (rows[1].OffsetPercent, rows[1].WidthPercent));
        Assert.Equal(("producer", "rabbitmq"), (rows[2].KindName, rows[2].System));
        Assert.Equal(("consumer", "rabbitmq"), (rows[3].KindName, rows[3].System));
        Assert.Equal("postgresql", rows[1].System);
    }

    [Fact]
    public void A_zero_length_span_still_gets_a_visible_bar_inside_the_track()
    {
        var rows = Waterfall.Of([Span("root", null, 0, 100), Span("instant", "root", 100, 100)]);

        Assert.True(rows[1].WidthPercent > 0);
        Assert.True(rows[1].OffsetPercent + rows[1].WidthPercent <= 100);
    }

    private static StoredSpan Span(string id, string? parent, int fromMs, int toMs, int kind = 1, string? system = null) =>
        new("svc", "svc-0", "trace", id, parent, id, kind, T0.AddMilliseconds(fromMs), T0.AddMilliseconds(toMs), false, null,
            system is null ? [] : [new TelemetryTag(system == "rabbitmq" ? "messaging.system" : "db.system", system)], []);
}
