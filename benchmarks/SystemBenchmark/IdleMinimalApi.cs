using System.Diagnostics;

namespace Reseller.SystemBenchmark;

/// <summary>
/// The memory floor: this program started again as a bare minimal API (Server GC, the Web SDK's default, like the services
/// before this issue), asked once, then left idle as long as the system was; its resident set is the baseline.
/// </summary>
public static class IdleMinimalApi
{
    public const string Argument = "--idle-minimal-api";

    public static async Task ServeAsync()
    {
        await using var bare = await BareEndpoints.StartAsync();
        await Console.Out.WriteLineAsync(bare.KestrelUrl.ToString());
        await Console.Out.FlushAsync();
        await Task.Delay(Timeout.Infinite);
    }

    public static async Task<double?> MeasureAsync(TimeSpan idle)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileName(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IdleMinimalApi).Assembly.Location);
        }
        start.ArgumentList.Add(Argument);
        start.Environment["DOTNET_gcServer"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            var url = await process.StandardOutput.ReadLineAsync();
            using (var http = new HttpClient { BaseAddress = new Uri(url!) })
            {
                (await http.GetAsync("/item")).EnsureSuccessStatusCode();
            }
            await Task.Delay(idle);
            return ResidentMemory.OfProcess(process.Id);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}
