using System.Globalization;

namespace Reseller.SystemBenchmark;

/// <summary>
/// CPU seconds spent so far, from /proc: by a process and its children, those alive and those it reaped (PostgreSQL's
/// backends are children of its postmaster), and by the whole machine (busy time of every core), so a flow's CPU cost per
/// operation can be read off.
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of /proc's CPU times, 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static double SecondsOf(IEnumerable<int> roots)
    {
        var all = Processes().ToList();
        var wanted = new HashSet<int>(roots);
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var process in all.Where(p => !wanted.Contains(p.Pid) && wanted.Contains(p.Parent)))
            {
                grew |= wanted.Add(process.Pid);
            }
        }
        return all.Where(p => wanted.Contains(p.Pid)).Sum(p => p.Seconds);
    }

    public static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
        return (cpu.Take(8).Sum() - cpu[3] - cpu[4]) / TicksPerSecond;
    }

    private static IEnumerable<(int Pid, int Parent, double Seconds)> Processes()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }
            // After "pid (name) ": state, ppid, ... utime, stime, cutime and cstime are the 12th to 15th fields. The last two
            // hold what its children spent once they exited (a PostgreSQL backend whose connection closed), which would
            // otherwise vanish from a group's sum between two readings.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            yield return (pid, int.Parse(fields[1], CultureInfo.InvariantCulture), fields.Skip(11).Take(4).Sum(field => double.Parse(field, CultureInfo.InvariantCulture)) / TicksPerSecond);
        }
    }
}
