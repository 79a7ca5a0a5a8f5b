using MassTransit;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>Counts the messages a consumer failed on (after the endpoint's retries), by message type.</summary>
public sealed class ConsumerFaultCounter : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        PlatformMetrics.ConsumerFaults.Add(1, new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        return Task.CompletedTask;
    }
}
