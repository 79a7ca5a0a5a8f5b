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
public sealed class ErrorQueueGaugeSource(ReceiveQueues queues, IConfiguration configuration) : IGaugeSource, IAsyncDisposable
{
    private IConnection? connection;

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (queues.Names.Count == 0)
        {
            return;
        }
        var open = await ConnectAsync(cancellationToken);
        var depths = new List<Measurement<long>>();
        foreach (var queue in queues.Names.Select(name => name + "_error"))
        {
            depths.Add(new Measurement<long>(await DepthAsync(open, queue, cancellationToken), new KeyValuePair<string, object?>("queue", queue)));
        }
        PlatformMetrics.ErrorQueueDepthReadings.Set(depths);
    }

    private static async Task<long> DepthAsync(IConnection open, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel (404): one channel per question.
        await using var channel = await open.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
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
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
