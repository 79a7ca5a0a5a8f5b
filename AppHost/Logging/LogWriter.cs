namespace Reseller.AppHost.Logging;

internal sealed class LogWriter(Action<string>? sink)
{
    private static readonly string[] Palette = ["36", "32", "33", "35", "34", "96", "92", "93", "95", "94"];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal);
    private readonly bool _colorize = sink is null
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void Line(string source, string text) => Write(source, text, alert: false);

    public void Alert(string source, string text) => Write(source, text, alert: true);

    private void Write(string source, string text, bool alert)
    {
        lock (_gate)
        {
            if (sink is not null)
            {
                Deliver(sink, $"[{source}] {text}");
            }
            else if (!_colorize)
            {
                Console.Out.WriteLine($"[{source}] {text}");
            }
            else if (alert)
            {
                Console.Out.WriteLine($"\e[1;31m[{source}] {text}\e[0m");
            }
            else
            {
                Console.Out.WriteLine($"\e[{ColorOf(source)}m[{source}]\e[0m {text}");
            }
        }
    }

    // A sink such as a test's output helper may throw once its test is over; a child's log line
    // must never take the orchestrator down.
    private static void Deliver(Action<string> target, string line)
    {
        try
        {
            target(line);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private string ColorOf(string source)
    {
        if (!_colors.TryGetValue(source, out string? color))
        {
            color = source == "apphost" ? "1" : Palette[_colors.Count % Palette.Length];
            _colors[source] = color;
        }

        return color;
    }
}
