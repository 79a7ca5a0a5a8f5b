using System.Globalization;

namespace Reseller.SystemBenchmark;

/// <summary>A process's resident set (VmRSS) in MB, from /proc.</summary>
public static class ResidentMemory
{
    public static double? OfProcess(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
