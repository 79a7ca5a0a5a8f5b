using System.Diagnostics;

using MassTransit;

namespace Reseller.SystemBenchmark;

/// <summary>
/// The broker's floor: a bare MassTransit bus publishing (with publisher confirms, as the services do) to its own
/// receive endpoint, 16 publishers at once; the figure is messages consumed per second, end to end.
/// </summary>
public static class MassTransitRoundTrip
{
    public const int Publishers = 16;

    public static async Task<LoadResult> MeasureAsync(string connectionString, TimeSpan duration)
    {
        var consumed = 0;
        var queue = "bench-roundtrip-" + Guid.NewGuid().ToString("N")[..8];
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(connectionString), host => host.PublisherConfirmation = true);
            rabbit.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<BenchPing>(_ =>
                {
                    Interlocked.Increment(ref consumed);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            // The first publish declares the exchange and its binding: not part of the steady rate.
            await bus.Publish(new BenchPing(Guid.NewGuid(), Stopwatch.GetTimestamp()));
            while (Volatile.Read(ref consumed) < 1)
            {
                await Task.Delay(10);
            }
            Interlocked.Exchange(ref consumed, 0);
            var published = await ClosedLoop.RunAsync(Publishers, duration, async (_, cancellationToken) =>
            {
                await bus.Publish(new BenchPing(Guid.NewGuid(), Stopwatch.GetTimestamp()), cancellationToken);
                return true;
            });
            var drained = Stopwatch.StartNew();
            while (Volatile.Read(ref consumed) < published.Completed && drained.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }
            var elapsed = published.Elapsed + drained.Elapsed;
            return published with { Completed = Volatile.Read(ref consumed), Elapsed = elapsed };
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
