using System.Diagnostics;

using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.Hosting;

internal sealed class ProjectReplica(ProjectResource project, int index, int port, string? portSetting, LogWriter log)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private ChildProcess? process;
    private Task? starting;
    private volatile string state = "NotStarted";
    private int starts;

    public ProjectResource Project => project;

    public int Index => index;

    public int Port => port;

    // The configuration key that moves a fixed port, for the "port is taken" message.
    public string? PortSetting => portSetting;

    public string InstanceName => $"{project.Name}-{index}";

    public string Url => $"http://127.0.0.1:{port}";

    public string State => state;

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>How many times it was started again after its first start.</summary>
    public int Restarts => Math.Max(0, starts - 1);

    public int? Pid => this.process is { HasExited: false } process ? process.Pid : null;

    public string AssemblyPath => Path.Combine(
        AppHostInfo.RepositoryRoot, project.ProjectDirectory, "bin", AppHostInfo.Configuration, "net10.0", project.AssemblyName + ".dll");

    public Task StartAsync(IReadOnlyDictionary<string, string?> environment, HttpClient http, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (starting is { IsCompleted: false })
            {
                return starting;
            }

            if (process is { HasExited: false })
            {
                return Task.CompletedTask;
            }

            state = "Starting";
            starting = StartCoreAsync(environment, http, cancellationToken);
            return starting;
        }
    }

    public async Task StopAsync(bool kill)
    {
        var process = this.process;
        if (process is null || process.HasExited)
        {
            return;
        }

        await process.StopAsync(StopGrace, kill).ConfigureAwait(false);
        state = "Stopped";
    }

    private async Task StartCoreAsync(IReadOnlyDictionary<string, string?> environment, HttpClient http, CancellationToken cancellationToken)
    {
        var spec = new ChildProcessSpec(InstanceName, DotnetHost.FileName, [AssemblyPath], Path.GetDirectoryName(AssemblyPath)!)
        {
            Environment = environment,
        };
        var elapsed = Stopwatch.StartNew();
        process = await ChildProcess.StartAsync(spec, log, OnExitedOnItsOwn).ConfigureAwait(false);
        StartedAt = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref starts);
        await WaitUntilHealthyAsync(process, http, cancellationToken).ConfigureAwait(false);
        state = "Running";
        log.Line("apphost", $"{InstanceName} healthy in {elapsed.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task WaitUntilHealthyAsync(ChildProcess process, HttpClient http, CancellationToken cancellationToken)
    {
        var health = new Uri($"{Url}/health");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited && process.StopRequested)
            {
                throw new OperationCanceledException($"{InstanceName} was stopped while starting");
            }

            if (process.HasExited)
            {
                throw new DistributedApplicationException($"{InstanceName} exited with code {await process.Exited.ConfigureAwait(false)} before it became healthy (see its [{InstanceName}] lines above)");
            }

            if (await IsHealthyAsync(http, health, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (waited.Elapsed > HealthTimeout)
            {
                throw new DistributedApplicationException($"{InstanceName} did not answer GET {health} with 200 within {HealthTimeout.TotalSeconds:0} s");
            }

            await Task.WhenAny(process.Exited, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, Uri health, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var response = await http.GetAsync(health, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode && (int)response.StatusCode == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void OnExitedOnItsOwn(int code)
    {
        state = $"Exited({code})";
        log.Alert("apphost", $"{InstanceName} exited with code {code}; it is not restarted");
    }
}
