using System.Diagnostics.Metrics;

using MassTransit;

using Microsoft.Extensions.Configuration;

using RabbitMQ.Client;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// The _error queue depth gauge on a real broker: queues found are read at every refresh, a missing one is asked again only
/// after a fault of this instance or once a minute has passed (each question about a missing queue costs a channel).
/// </summary>
public sealed class ErrorQueueGaugeTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private readonly string runId = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Found_queues_are_read_every_time_and_missing_ones_after_a_fault_or_a_minute()
    {
        var (failing, quiet, late, started) = ($"gauge-{runId}-failing", $"gauge-{runId}-quiet", $"gauge-{runId}-late", $"gauge-{runId}-started");
        var queues = new ReceiveQueues();
        foreach (var name in new[] { failing, quiet, late })
        {
            await queues.Ready(new EndpointReady(new Uri($"rabbitmq://127.0.0.1/{name}")));
        }
        var clock = new SteppedClock();
        await using var gauge = new ErrorQueueGaugeSource(queues, Configuration(), clock);
        await using var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.MessagingConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await PutAsync(channel, failing + "_error", messages: 2);
            Assert.Equal([(failing, 2), (late, 0), (quiet, 0)], Depths(await gauge.MeasureAsync(default)));

            // Both missing queues appear; only a fault of this instance or the minute makes the gauge ask again.
            await PutAsync(channel, quiet + "_error", messages: 1);
            await PutAsync(channel, late + "_error", messages: 3);
            await PutAsync(channel, failing + "_error", messages: 1);
            Assert.Equal([(failing, 3), (late, 0), (quiet, 0)], Depths(await gauge.MeasureAsync(default)));
            // An endpoint started since is asked about at once.
            await PutAsync(channel, started + "_error", messages: 2);
            await queues.Ready(new EndpointReady(new Uri($"rabbitmq://127.0.0.1/{started}")));
            Assert.Equal([(failing, 3), (late, 0), (quiet, 0), (started, 2)], Depths(await gauge.MeasureAsync(default)));
            await new ConsumerFaultCounter(queues).ConsumeFault<WidgetMade>(null!, new InvalidOperationException("a consumer gave up"));
            Assert.Equal([(failing, 3), (late, 3), (quiet, 1), (started, 2)], Depths(await gauge.MeasureAsync(default)));

            // A queue found then deleted counts 0 and is asked after again only with the missing ones.
            await channel.QueueDeleteAsync(late + "_error");
            Assert.Equal([(failing, 3), (late, 0), (quiet, 1), (started, 2)], Depths(await gauge.MeasureAsync(default)));
            await PutAsync(channel, late + "_error", messages: 1);
            Assert.Equal([(failing, 3), (late, 0), (quiet, 1), (started, 2)], Depths(await gauge.MeasureAsync(default)));
            clock.Advance(ErrorQueueGaugeSource.MissingQueueRecheck);
            Assert.Equal([(failing, 3), (late, 1), (quiet, 1), (started, 2)], Depths(await gauge.MeasureAsync(default)));
        }
        finally
        {
            foreach (var name in new[] { failing, quiet, late, started })
            {
                await channel.QueueDeleteAsync(name + "_error");
            }
        }
    }

    private IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = infrastructure.MessagingConnectionString })
        .Build();

    private static async Task PutAsync(IChannel channel, string queue, int messages)
    {
        var before = (await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false)).MessageCount;
        for (var message = 0; message < messages; message++)
        {
            await channel.BasicPublishAsync("", queue, "{}"u8.ToArray());
        }
        Assert.True(await Eventually.HoldsAsync(async () => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount == before + messages, Eventually.Propagation));
    }

    private static List<(string Queue, long Depth)> Depths(IReadOnlyList<Measurement<long>> measured) =>
        [.. measured.Select(m => (((string)m.Tags[0].Value!)[..^"_error".Length], m.Value))];

    private sealed class EndpointReady(Uri inputAddress) : ReceiveEndpointReady
    {
        public Uri InputAddress => inputAddress;

        public IReceiveEndpoint ReceiveEndpoint => throw new NotSupportedException();

        public bool IsStarted => true;
    }

    /// <summary>A monotonic clock that moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
