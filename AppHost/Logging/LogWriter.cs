namespace Reseller.AppHost.Logging;

internal sealed class LogWriter(Action<string>? sink, Action<string, string>? observer = null)
{
    private static readonly string[] Palette = ["36", "32", "33", "35", "34", "96", "92", "93", "95", "94"];
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> colors = new(StringComparer.Ordinal);
    private readonly bool colorize = sink is null
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void Line(string source, string text) => Write(source, text, alert: false);

    public void Alert(string source, string text) => Write(source, text, alert: true);

    private void Write(string source, string text, bool alert)
    {
        observer?.Invoke(source, text);
        lock (gate)
        {
            if (sink is not null)
            {
                Deliver(sink, $"[{source}] {text}");
            }
            else if (!colorize)
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
        if (!colors.TryGetValue(source, out var color))
        {
            color = source == "apphost" ? "1" : Palette[colors.Count % Palette.Length];
            colors[source] = color;
        }

        return color;
    }
}
