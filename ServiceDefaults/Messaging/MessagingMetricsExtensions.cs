using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

public static class MessagingMetricsExtensions
{
    /// <summary>The outbox gauges, the consumer-fault counter and the _error queue depths of a service with a bus and a database.</summary>
    public static IServiceCollection AddMessagingMetrics<TDb>(this IServiceCollection services) where TDb : DbContext
    {
        services.AddGaugeSource<OutboxGaugeSource<TDb>>();
        services.AddSingleton<ReceiveQueues>();
        services.AddReceiveEndpointObserver(provider => provider.GetRequiredService<ReceiveQueues>());
        services.AddGaugeSource<ErrorQueueGaugeSource>();
        services.AddConsumeObserver<ConsumerFaultCounter>();
        return services;
    }
}
