using System.Collections.Concurrent;
using System.Diagnostics;

namespace Reseller.AppHost.Processes;

// Children are forked from one thread that lives as long as the process: the kernel sends a
// child's parent-death signal when the forking *thread* exits, not the process.
internal static class ProcessSpawner
{
    private static readonly BlockingCollection<Action> Work = [];

    static ProcessSpawner()
    {
        var thread = new Thread(static () =>
        {
            foreach (var item in Work.GetConsumingEnumerable())
            {
                item();
            }
        })
        {
            IsBackground = true,
            Name = "apphost-spawner",
        };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                started.SetResult(Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start"));
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        });
        return started.Task;
    }
}
