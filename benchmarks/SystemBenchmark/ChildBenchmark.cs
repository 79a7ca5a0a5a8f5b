using System.Diagnostics;

namespace Reseller.SystemBenchmark;

/// <summary>Runs one of the existing benchmark programs (same build configuration) and hands back the lines it printed.</summary>
public static class ChildBenchmark
{
    public static async Task<IReadOnlyList<string>> RunAsync(string repositoryRoot, string project, string assembly, params string[] args)
    {
        var dll = Path.Combine(repositoryRoot, "benchmarks", project, "bin", Configuration, "net10.0", assembly + ".dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine("  | " + line);
            lines.Add(line);
        }
        await process.WaitForExitAsync();
        return lines;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
