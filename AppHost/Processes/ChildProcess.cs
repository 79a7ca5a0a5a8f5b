using System.Diagnostics;

using Reseller.AppHost.Logging;

namespace Reseller.AppHost.Processes;

internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly ChildProcessSpec _spec;
    private readonly LogWriter _log;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopRequested;

    private ChildProcess(Process process, ChildProcessSpec spec, LogWriter log)
    {
        _process = process;
        _spec = spec;
        _log = log;
        Pid = process.Id;
    }

    public int Pid { get; }

    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public bool StopRequested => _stopRequested;

    public static async Task<ChildProcess> StartAsync(ChildProcessSpec spec, LogWriter log, Action<int>? exitedOnItsOwn)
    {
        Process process = await ProcessSpawner.StartAsync(LaunchCommand.For(spec)).ConfigureAwait(false);
        var child = new ChildProcess(process, spec, log);
        child.Attach(exitedOnItsOwn);
        return child;
    }

    public async Task StopAsync(TimeSpan grace, bool kill)
    {
        _stopRequested = true;
        if (!HasExited)
        {
            if (kill)
            {
                KillAll();
            }
            else
            {
                Signals.Send(Pid, _spec.StopSignal);
            }

            if (!await WaitForExitAsync(grace).ConfigureAwait(false))
            {
                _log.Alert("apphost", $"{_spec.Name} did not stop within {grace.TotalSeconds:0} s: killing it");
                KillAll();
                if (!await WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false))
                {
                    _log.Alert("apphost", $"{_spec.Name} (pid {Pid}) is still running after SIGKILL");
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
        Task finished = await Task.WhenAny(_exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
        return finished == _exited.Task;
    }

    private void Attach(Action<int>? exitedOnItsOwn)
    {
        _process.OutputDataReceived += (_, line) => Forward(line.Data);
        _process.ErrorDataReceived += (_, line) => Forward(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _ = MonitorAsync(exitedOnItsOwn);
    }

    private void Forward(string? line)
    {
        if (line is not null)
        {
            _log.Line(_spec.Name, line);
        }
    }

    private async Task MonitorAsync(Action<int>? exitedOnItsOwn)
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        int code = _process.ExitCode;
        _process.Dispose();
        _exited.TrySetResult(code);
        if (!_stopRequested)
        {
            exitedOnItsOwn?.Invoke(code);
        }
    }
}
