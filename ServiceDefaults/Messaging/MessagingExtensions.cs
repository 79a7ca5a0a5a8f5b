using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.DomainEvents;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ (publisher confirms, durable quorum queues, retry with back-off then the error queue, a message
    /// waiting for an earlier event redelivered later), with the service's transactional outbox dispatched from TDb.
    /// </summary>
    public static TBuilder AddServiceMessaging<TBuilder, TDb>(this TBuilder builder, Action<IBusRegistrationConfigurator> consumers)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");

        var retry = builder.Configuration.GetSection(ConsumerRetry.Section).Get<ConsumerRetry>() ?? new ConsumerRetry();
        builder.AddSessionList();
        builder.Services.AddDomainEvents<TDb>();
        builder.Services.AddHostedService<OutboxDispatcher<TDb>>();
        builder.Services.AddOptions<RedeliverySettings>().Bind(builder.Configuration.GetSection(RedeliverySettings.Section));
        builder.Services.AddSingleton<IDeferredRedelivery, DeferredRedelivery<TDb>>();
        builder.Services.AddMessagingMetrics<TDb>();

        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named per service ("billing-account-created"): consumers of one event in two services must each get
            // every message, not compete for it as they would on one queue named after a shared class name.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServicePrefix<TDb>(), includeNamespace: false));
            consumers(bus);
            bus.AddSessionsEndedConsumer();
            bus.AddConfigureEndpointsCallback((registration, name, endpoint) =>
            {
                if (name.StartsWith(SessionEvents.QueuePrefix, StringComparison.Ordinal))
                {
                    return;
                }
                endpoint.UseMessageRetry(retry.Configure);
                endpoint.UseConsumeFilter(typeof(EarlierEventPendingFilter<>), registration);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host => host.PublisherConfirmation = true);
                rabbit.ConfigureEndpoints(context);
                rabbit.ReceiveSessionsEnded(context, ServicePrefix<TDb>().TrimEnd('-'));
            });
        });
        return builder;
    }

    /// <summary>
    /// For a process without a database of its own (the gateway): a bus that only hears SessionsEnded, so it refuses an
    /// ended session as soon as the services do.
    /// </summary>
    public static TBuilder AddSessionEventsOnly<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        var service = ServiceIdentity.From(builder.Environment).Name;
        builder.AddSessionList();
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddSessionsEndedConsumer();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.ReceiveSessionsEnded(context, service);
            });
        });
        return builder;
    }

    /// <summary>"Reseller.Billing" → "billing-": the service that owns the database owns the queues.</summary>
    public static string ServicePrefix<TDb>() where TDb : DbContext =>
        typeof(TDb).Assembly.GetName().Name!.Split('.')[^1].ToLowerInvariant() + "-";

    // MassTransit 8.4+ reports the bus's configuration to usage-tracking.masstransit.io from every process unless told not to:
    // an outbound call we never chose (a deployment may not reach the internet, and what runs where is ours to tell).
    private static void DisableUsageTelemetry(this IBusRegistrationConfigurator bus) =>
        bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
}
