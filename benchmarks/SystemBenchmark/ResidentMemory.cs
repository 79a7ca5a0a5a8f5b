using System.Globalization;

namespace Reseller.SystemBenchmark;

/// <summary>
/// A process's memory in MB, from /proc: its resident set (VmRSS), and its proportional set (Pss), where a page shared by n
/// processes (the shared framework's files, mapped by every service) counts 1/n in each: the sum of Pss over the services is
/// what the system takes from the machine, the sum of RSS counts each shared page once per service.
/// </summary>
public static class ResidentMemory
{
    public static double? OfProcess(int pid) => Read($"/proc/{pid}/status", "VmRSS:");

    public static double? ProportionalOfProcess(int pid) => Read($"/proc/{pid}/smaps_rollup", "Pss:");

    private static double? Read(string file, string field)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
