using System.Diagnostics;

namespace Reseller.SystemBenchmark;

/// <summary>
/// A number of client loops, each doing one operation after the other for a fixed time (a closed loop: the offered
/// load follows the server, as real clients waiting for their answer do). An operation returns false for a failure.
/// Paced, each client starts an operation no sooner than <c>pace</c> after it started its last one.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, CancellationToken, Task<bool>> operation, TimeSpan pace = default)
    {
        using var stop = new CancellationTokenSource(duration);
        var completed = 0;
        var failed = 0;
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(client, CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
                if (pace - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } wait)
                {
                    await Task.WhenAny(Task.Delay(wait, stop.Token)); // the load's end cuts the wait short without throwing
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(completed, failed, elapsed, all);
    }

    /// <summary>One client per connection: a handler that keeps up to <paramref name="connections"/> connections open.</summary>
    public static HttpClient Client(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
