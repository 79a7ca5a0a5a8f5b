namespace Reseller.Partners.Webhooks.Sending;

/// <summary>Wakes the dispatcher when deliveries were queued or a delivery finished, instead of waiting for its next poll.</summary>
public sealed class WebhookSignal : IDisposable
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
