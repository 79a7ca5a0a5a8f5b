using System.Globalization;

namespace Reseller.AccountsPageBenchmark;

/// <summary>What the figures were measured on: the machine is shared, so its load says how much they are worth.</summary>
public static class MachineLimits
{
    public static string Describe()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var memoryText = long.TryParse(memory, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes)
            ? $"{kilobytes / 1024.0 / 1024.0:F1} GiB"
            : "unknown";
        return string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, {memoryText} memory, {Environment.OSVersion}, .NET {Environment.Version}; load average now: {LoadAverage()}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
