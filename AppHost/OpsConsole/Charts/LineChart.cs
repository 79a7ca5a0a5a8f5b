using System.Globalization;

using Reseller.AppHost.Telemetry;

namespace Reseller.AppHost.OpsConsole.Charts;

/// <summary>A series' points over the last minutes as the coordinates of an SVG polyline in a <see cref="Width"/> × <see cref="Height"/> box.</summary>
public sealed record LineChart(string Points, double Minimum, double Maximum, DateTimeOffset From, DateTimeOffset To)
{
    public const int Width = 600;
    public const int Height = 120;

    public static LineChart Of(IReadOnlyList<MetricPoint> points, TimeSpan window, DateTimeOffset now)
    {
        var from = now - window;
        var shown = points.Where(p => p.Time >= from).OrderBy(p => p.Time).ToList();
        if (shown.Count == 0)
        {
            return new LineChart("", 0, 0, from, now);
        }
        var (minimum, maximum) = (Math.Min(0, shown.Min(p => p.Value)), shown.Max(p => p.Value));
        var range = maximum - minimum is > 0 and var r ? r : 1;
        var coordinates = shown.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{(p.Time - from).TotalMilliseconds / window.TotalMilliseconds * Width:0.#},{Height - ((p.Value - minimum) / range * (Height - 4)) - 2:0.#}"));
        return new LineChart(string.Join(' ', coordinates), minimum, maximum, from, now);
    }

    public static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture);
}
