using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>Reads how many messages wait in a queue's <c>_error</c> queue (0 when MassTransit has not created it).</summary>
public static class ErrorQueues
{
    public static async Task<uint> DepthAsync(string connectionString, string queueName)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queueName + "_error")).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }
}
