namespace Reseller.ServiceDefaults.Queues;

/// <summary>The loop of a queue's dispatcher: drain full batches, then wait for the signal or the poll interval; a failed batch is reported and retried one poll interval later.</summary>
public static class QueueDrain
{
    public static async Task RunAsync<TRow>(
        Func<CancellationToken, Task<int>> dispatchBatch, int batchSize, QueueSignal<TRow> signal, TimeSpan pollInterval, Action<Exception> reportFailure,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatchBatch(stoppingToken) == batchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                reportFailure(ex);
                await Task.Delay(pollInterval, stoppingToken);
            }
            await signal.WaitAsync(pollInterval, stoppingToken);
        }
    }
}
