using System.Diagnostics;
using System.Globalization;

namespace Reseller.Testing;

/// <summary>
/// Where a test process keeps the servers it starts: <c>.data/test-runs/&lt;process id&gt;/&lt;name&gt;</c>, so two test runs on
/// one machine (two clones, or a run beside a debugging session) never share a database or a mail folder. Folders of
/// test processes that have ended are removed on the way.
/// </summary>
public static class TestRunDirectory
{
    private static readonly Lock Sweeping = new();
    private static bool swept;

    /// <summary>A new, empty folder for this process under <paramref name="repositoryRoot"/>'s <c>.data/test-runs</c>.</summary>
    public static string Create(string repositoryRoot, string name)
    {
        var runs = Path.Combine(repositoryRoot, ".data", "test-runs");
        SweepEnded(runs);
        var directory = Path.Combine(runs, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static void SweepEnded(string runs)
    {
        lock (Sweeping)
        {
            if (swept || !Directory.Exists(runs))
            {
                swept = true;
                return;
            }
            swept = true;
            foreach (var run in Directory.GetDirectories(runs))
            {
                if (int.TryParse(Path.GetFileName(run), CultureInfo.InvariantCulture, out var processId) && !IsRunning(processId))
                {
                    try
                    {
                        Directory.Delete(run, recursive: true);
                    }
                    catch (IOException)
                    {
                        // Still held by a server that outlived its test process; the next run tries again.
                    }
                    catch (UnauthorizedAccessException)
                    {
                        // As above.
                    }
                }
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
