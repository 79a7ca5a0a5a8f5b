namespace Reseller.ServiceDefaults.Mail.Outbox;

/// <summary>Wakes the mail dispatcher as soon as a transaction that queued a mail commits.</summary>
public sealed class MailOutboxSignal : IDisposable
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

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
