using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reseller.SystemBenchmark;

/// <summary>
/// <c>./run.sh</c> as a user runs it, already built, its data folder already made by a first start: seconds from the
/// command to the gateway's <c>/health</c> answering 200. The gateway gets a free port; SIGTERM stops it, as Ctrl+C does.
/// </summary>
public static class WarmStart
{
    public static async Task<TimeSpan> MeasureAsync(string repositoryRoot)
    {
        await RunOnceAsync(repositoryRoot);
        return await RunOnceAsync(repositoryRoot);
    }

    private static async Task<TimeSpan> RunOnceAsync(string repositoryRoot)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("bash", ["run.sh"])
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["Gateway__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
            {
                try
                {
                    using var health = await http.GetAsync($"http://127.0.0.1:{port}/health");
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }
                await Task.Delay(100);
            }
            throw new InvalidOperationException("./run.sh did not bring the gateway up within 3 minutes.");
        }
        finally
        {
            await StopAsync(process);
        }
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        using (var interrupt = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
