using System.Runtime.ExceptionServices;

namespace Reseller.AppHost.Hosting;

// Starts run side by side; the first failure cancels the others, and is the one reported.
internal sealed class StartGroup(CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly List<Task> tasks = [];

    public Task Add(Func<CancellationToken, Task> start)
    {
        var task = RunAsync(start);
        tasks.Add(task);
        return task;
    }

    public async Task WhenAllAsync()
    {
        await Task.WhenAll(tasks).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        Exception[] failures = [.. tasks.Where(task => task.IsFaulted || task.IsCanceled).SelectMany(task => task.Exception?.InnerExceptions ?? [new OperationCanceledException()])];
        var first = failures.OfType<DistributedApplicationException>().FirstOrDefault()
            ?? failures.FirstOrDefault(failure => failure is not OperationCanceledException)
            ?? failures.FirstOrDefault();
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    public void Dispose() => failed.Dispose();

    private async Task RunAsync(Func<CancellationToken, Task> start)
    {
        try
        {
            await start(failed.Token).ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
