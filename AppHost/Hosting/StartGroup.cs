using System.Runtime.ExceptionServices;

namespace Reseller.AppHost.Hosting;

// Starts run side by side; the first failure cancels the others, and is the one reported.
internal sealed class StartGroup(CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource _failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly List<Task> _tasks = [];

    public Task Add(Func<CancellationToken, Task> start)
    {
        Task task = RunAsync(start);
        _tasks.Add(task);
        return task;
    }

    public async Task WhenAllAsync()
    {
        await Task.WhenAll(_tasks).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        Exception[] failures = [.. _tasks.Where(task => task.IsFaulted || task.IsCanceled).SelectMany(task => task.Exception?.InnerExceptions ?? [new OperationCanceledException()])];
        Exception? first = failures.OfType<DistributedApplicationException>().FirstOrDefault()
            ?? failures.FirstOrDefault(failure => failure is not OperationCanceledException)
            ?? failures.FirstOrDefault();
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    public void Dispose() => _failed.Dispose();

    private async Task RunAsync(Func<CancellationToken, Task> start)
    {
        try
        {
            await start(_failed.Token).ConfigureAwait(false);
        }
        catch
        {
            await _failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
