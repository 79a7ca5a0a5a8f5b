using MassTransit;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// Counts the messages a consumer failed on (after the endpoint's retries), by message type, and tells
/// <see cref="ReceiveQueues"/> (the fault moved the message to an <c>_error</c> queue, perhaps a new one).
/// </summary>
public sealed class ConsumerFaultCounter(ReceiveQueues queues) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        PlatformMetrics.ConsumerFaults.Add(1, new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        queues.FaultSeen();
        return Task.CompletedTask;
    }
}
