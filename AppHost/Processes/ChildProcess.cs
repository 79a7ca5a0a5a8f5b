using System.Diagnostics;

using Reseller.AppHost.Logging;

namespace Reseller.AppHost.Processes;

internal sealed class ChildProcess
{
    private readonly Process process;
    private readonly ChildProcessSpec spec;
    private readonly LogWriter log;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool stopRequested;

    private ChildProcess(Process process, ChildProcessSpec spec, LogWriter log)
    {
        this.process = process;
        this.spec = spec;
        this.log = log;
        Pid = process.Id;
    }

    public int Pid { get; }

    public Task<int> Exited => exited.Task;

    public bool HasExited => exited.Task.IsCompleted;

    public bool StopRequested => stopRequested;

    public static async Task<ChildProcess> StartAsync(ChildProcessSpec spec, LogWriter log, Action<int>? exitedOnItsOwn)
    {
        var process = await ProcessSpawner.StartAsync(LaunchCommand.For(spec)).ConfigureAwait(false);
        var child = new ChildProcess(process, spec, log);
        child.Attach(exitedOnItsOwn);
        return child;
    }

    public async Task StopAsync(TimeSpan grace, bool kill)
    {
        stopRequested = true;
        if (!HasExited)
        {
            if (kill)
            {
                KillAll();
            }
            else
            {
                Signals.Send(Pid, spec.StopSignal);
            }

            if (!await WaitForExitAsync(grace).ConfigureAwait(false))
            {
                log.Alert("apphost", $"{spec.Name} did not stop within {grace.TotalSeconds:0} s: killing it");
                KillAll();
                if (!await WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false))
                {
                    log.Alert("apphost", $"{spec.Name} (pid {Pid}) is still running after SIGKILL");
                }
            }
        }

        // Anything the child left behind in its process group goes with it.
        Signals.SendToGroup(Pid, Signals.Kill);
    }

    private void KillAll()
    {
        Signals.SendToGroup(Pid, Signals.Kill);
        Signals.Send(Pid, Signals.Kill);
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
        return finished == exited.Task;
    }

    private void Attach(Action<int>? exitedOnItsOwn)
    {
        process.OutputDataReceived += (_, line) => Forward(line.Data);
        process.ErrorDataReceived += (_, line) => Forward(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = MonitorAsync(exitedOnItsOwn);
    }

    private void Forward(string? line)
    {
        if (line is not null)
        {
            log.Line(spec.Name, line);
        }
    }

    private async Task MonitorAsync(Action<int>? exitedOnItsOwn)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        var code = process.ExitCode;
        process.Dispose();
        exited.TrySetResult(code);
        if (!stopRequested)
        {
            exitedOnItsOwn?.Invoke(code);
        }
    }
}
