namespace Reseller.ServiceDefaults.Queues;

/// <summary>
/// Wakes the dispatcher of one durable queue (the row type <typeparamref name="TRow"/> names it: outbox messages, queued mails,
/// webhook deliveries) as soon as work was committed, so latency is not the poll interval. One singleton per queue.
/// </summary>
public sealed class QueueSignal<TRow> : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another thread notified first; one wake-up is enough.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
