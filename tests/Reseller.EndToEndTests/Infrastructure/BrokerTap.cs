using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

using Reseller.Testing;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// A copy of every message published on the system's broker from the moment it is opened: RabbitMQ's firehose
/// (<c>rabbitmqctl trace_on</c>) sends each publish to <c>amq.rabbitmq.trace</c>, which a private queue here reads.
/// One tap per system; it stays open for the rest of the run.
/// </summary>
public sealed class BrokerTap
{
    private static readonly SemaphoreSlim Opening = new(1, 1);
    private static BrokerTap? opened;

    private readonly ConcurrentQueue<string> bodies = new();
    private long lastArrival = Stopwatch.GetTimestamp();

    private BrokerTap()
    {
    }

    /// <summary>Each message published since the tap opened, as UTF-8 text: its exchange (the copy's routing key) and headers on the first line, then its body.</summary>
    public IReadOnlyCollection<string> Bodies => bodies;

    public static async Task<BrokerTap> OpenAsync(ResellerSystem system)
    {
        await Opening.WaitAsync();
        try
        {
            return opened ??= await StartAsync(system);
        }
        finally
        {
            Opening.Release();
        }
    }

    /// <summary>Waits until a message whose body contains <paramref name="marker"/> has been seen: every earlier publish has been seen too.</summary>
    public async Task WaitForAsync(string marker, TimeSpan timeout) =>
        Assert.True(await Eventually.HoldsAsync(() => bodies.Any(b => b.Contains(marker, StringComparison.Ordinal)), timeout),
            $"No message carrying '{marker}' crossed the broker within {timeout}.");

    /// <summary>Waits until no message has arrived for <paramref name="quiet"/>: the outboxes have sent what a flow left them.</summary>
    public Task WaitForQuietAsync(TimeSpan quiet, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastArrival)) >= quiet, timeout);

    private static async Task<BrokerTap> StartAsync(ResellerSystem system)
    {
        var broker = system.App.RabbitMq ?? throw new InvalidOperationException("The system runs without its own broker.");
        await EnableFirehoseAsync(broker.NodeName, Path.Combine(system.App.DataDirectory, "rabbitmq"));

        var tap = new BrokerTap();
        var connection = await new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, "amq.rabbitmq.trace", "publish.#");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = string.Join(' ', (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>()).Select(h => $"{h.Key}={Text(h.Value)}"));
            tap.bodies.Enqueue($"{delivery.RoutingKey} {headers}\n{Encoding.UTF8.GetString(delivery.Body.Span)}");
            Interlocked.Exchange(ref tap.lastArrival, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    private static string Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IEnumerable<object> items => string.Join(',', items.Select(Text)),
        _ => value?.ToString() ?? "",
    };

    /// <summary>The broker's Erlang cookie lives in its HOME, the data folder the AppHost gave it.</summary>
    private static async Task EnableFirehoseAsync(string nodeName, string brokerHome)
    {
        var start = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", nodeName, "trace_on"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = brokerHome;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"rabbitmqctl trace_on failed ({process.ExitCode}): {await output}{await error}");
    }
}
