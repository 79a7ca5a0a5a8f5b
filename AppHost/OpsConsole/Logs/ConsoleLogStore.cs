using System.Collections.Concurrent;

using Reseller.AppHost.Telemetry;

namespace Reseller.AppHost.OpsConsole.Logs;

/// <summary>The latest console lines of each resource (bounded per resource: the oldest go first).</summary>
public sealed class ConsoleLogStore(int linesPerResource = 2_000)
{
    private readonly ConcurrentDictionary<string, BoundedBuffer<ConsoleLine>> lines = new(StringComparer.Ordinal);
    private long sequence;

    public IReadOnlyList<string> Sources => [.. lines.Keys.Order(StringComparer.Ordinal)];

    public void Add(string source, string text)
    {
        var line = new ConsoleLine(Interlocked.Increment(ref sequence), DateTimeOffset.UtcNow, source, text);
        lines.GetOrAdd(source, _ => new BoundedBuffer<ConsoleLine>(linesPerResource)).Add(line);
    }

    /// <summary>A resource's lines (every resource's when <paramref name="source"/> is empty) containing the text, oldest first.</summary>
    public IReadOnlyList<ConsoleLine> Read(string? source, string? search, int limit)
    {
        IEnumerable<ConsoleLine> found = string.IsNullOrEmpty(source)
            ? lines.Values.SelectMany(buffer => buffer.Snapshot()).OrderBy(line => line.Sequence)
            : lines.TryGetValue(source, out var buffer) ? buffer.Snapshot() : [];
        if (!string.IsNullOrWhiteSpace(search))
        {
            found = found.Where(line => line.Text.Contains(search, StringComparison.OrdinalIgnoreCase));
        }
        return [.. found.TakeLast(limit)];
    }
}
