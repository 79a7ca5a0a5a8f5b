using System.Diagnostics.Metrics;

using Microsoft.Extensions.Configuration;

using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// Measures the depth of each of the service's <c>_error</c> queues with a passive declare (AMQP, no management plugin);
/// a queue MassTransit has not created yet (no fault so far) counts 0.
/// </summary>
/// <remarks>
/// A passive declare of a missing queue is refused with a 404 that closes the channel, an exception here and an error line
/// in the broker's log: asked of every missing queue at every refresh, that was dozens of channels a second across a
/// system at rest. A queue found, or not asked about yet (a receive endpoint that started later), is read on one channel
/// at each refresh; a missing one is asked again only once <see cref="MissingQueueRecheck"/> has passed, or at the next
/// refresh after a consumer of this instance faulted (the moment MassTransit creates an <c>_error</c> queue). Another
/// replica's first fault is seen within that minute. Only the broker's 404 means missing: a connection lost on the way
/// fails the refresh, whose last values stay.
/// </remarks>
public sealed class ErrorQueueGaugeSource(ReceiveQueues queues, IConfiguration configuration, TimeProvider clock) : IGaugeSource, IAsyncDisposable
{
    public static readonly TimeSpan MissingQueueRecheck = TimeSpan.FromMinutes(1);

    private readonly HashSet<string> missing = new(StringComparer.Ordinal);
    private long? missingCheckedAt;
    private long faultsAtMissingCheck;
    private IConnection? connection;
    private IChannel? channel;

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        PlatformMetrics.ErrorQueueDepthReadings.Set(await MeasureAsync(cancellationToken));

    /// <summary>The depth of each <c>_error</c> queue, as <see cref="RefreshAsync"/> publishes it.</summary>
    public async Task<IReadOnlyList<Measurement<long>>> MeasureAsync(CancellationToken cancellationToken)
    {
        if (queues.Names.Count == 0)
        {
            return [];
        }
        var faults = queues.FaultsSeen;
        var askMissing = missingCheckedAt is not { } checkedAt || faults != faultsAtMissingCheck
            || clock.GetElapsedTime(checkedAt) >= MissingQueueRecheck;
        if (askMissing)
        {
            (missingCheckedAt, faultsAtMissingCheck) = (clock.GetTimestamp(), faults);
        }
        var depths = new List<Measurement<long>>();
        foreach (var queue in queues.Names.Select(name => name + "_error").Order(StringComparer.Ordinal))
        {
            var depth = askMissing || !missing.Contains(queue) ? await DepthAsync(queue, cancellationToken) : 0;
            depths.Add(new Measurement<long>(depth, new KeyValuePair<string, object?>("queue", queue)));
        }
        return depths;
    }

    private async Task<long> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        var open = await ChannelAsync(cancellationToken);
        try
        {
            var depth = (await open.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
            missing.Remove(queue);
            return depth;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            missing.Add(queue);
            await open.DisposeAsync();
            channel = null;
            return 0;
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (channel is { IsOpen: true })
        {
            return channel;
        }
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }
        channel = await (await ConnectAsync(cancellationToken)).CreateChannelAsync(cancellationToken: cancellationToken);
        return channel;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (connection is { IsOpen: true })
        {
            return connection;
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        var uri = configuration.GetConnectionString(MessagingExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingExtensions.ConnectionName} is not set.");
        connection = await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "error-queue-gauge" }.CreateConnectionAsync(cancellationToken);
        return connection;
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
    }
}
