namespace Reseller.SystemBenchmark;

/// <summary>
/// Waits until the flows before have finished their trailing work (copies, commissions, webhooks, mails) so that the next
/// row measures only its own load: the machine busy for less than a third of one core over a whole second.
/// </summary>
public static class QuietMachine
{
    private const double BusyCoresWhenQuiet = 0.33;

    /// <summary>How long it took to become quiet, or null if it was still busy after <paramref name="atMost"/>.</summary>
    public static async Task<TimeSpan?> WaitAsync(TimeSpan atMost)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < atMost)
        {
            var before = ProcessCpu.MachineBusySeconds();
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (ProcessCpu.MachineBusySeconds() - before < BusyCoresWhenQuiet)
            {
                return waited.Elapsed;
            }
        }
        return null;
    }
}
