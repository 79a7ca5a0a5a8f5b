using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

using Reseller.AppHost;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>
/// Sees every message published to the broker, as it went over the wire: switches on RabbitMQ's firehose
/// (<c>rabbitmqctl trace_on</c>, which copies each publish to <c>amq.rabbitmq.trace</c>) and drains a private queue bound to it.
/// </summary>
public sealed class RabbitMqFirehose : IAsyncDisposable
{
    private const string TraceExchange = "amq.rabbitmq.trace";
    private readonly LocalRabbitMq broker;
    private readonly string dataDirectory;
    private IConnection? connection;
    private IChannel? channel;
    private long lastArrival = Stopwatch.GetTimestamp();

    private RabbitMqFirehose(LocalRabbitMq broker, string dataDirectory)
    {
        this.broker = broker;
        this.dataDirectory = dataDirectory;
    }

    /// <summary>Each message: the exchange it was published to (the routing key of the copy), its headers and its body.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    public static async Task<RabbitMqFirehose> StartAsync(DistributedApplication app)
    {
        var firehose = new RabbitMqFirehose(app.RabbitMq ?? throw new InvalidOperationException("The e2e system runs its own broker."), app.DataDirectory);
        await firehose.CtlAsync("trace_on");
        var factory = new ConnectionFactory { Uri = new Uri(app.GetConnectionString("messaging")) };
        firehose.connection = await factory.CreateConnectionAsync();
        firehose.channel = await firehose.connection.CreateChannelAsync();
        var queue = await firehose.channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await firehose.channel.QueueBindAsync(queue.QueueName, TraceExchange, "publish.#");
        var consumer = new AsyncEventingBasicConsumer(firehose.channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = string.Join(' ', (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>()).Select(h => $"{h.Key}={Text(h.Value)}"));
            firehose.Messages.Enqueue($"{delivery.RoutingKey} {headers}\n{Encoding.UTF8.GetString(delivery.Body.Span)}");
            Interlocked.Exchange(ref firehose.lastArrival, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await firehose.channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return firehose;
    }

    /// <summary>Waits until no message has arrived for <paramref name="quiet"/>: the outboxes have sent what the flow left them.</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastArrival)) < quiet && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        await CtlAsync("trace_off");
    }

    private static string Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IEnumerable<object> items => string.Join(',', items.Select(Text)),
        _ => value?.ToString() ?? "",
    };

    /// <summary>
    /// rabbitmqctl reaches the node with the Erlang cookie the AppHost's broker keeps in its own HOME; the script under
    /// /usr/lib runs as we are (the /usr/sbin wrapper would switch to the rabbitmq user and its cookie).
    /// </summary>
    private async Task CtlAsync(string command)
    {
        var start = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", broker.NodeName, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = Path.Combine(dataDirectory, "rabbitmq");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var outputText = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {outputText} {await error}");
        }
    }
}
