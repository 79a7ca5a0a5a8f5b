using MassTransit;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// Every process hears every SessionsEnded on a queue of its own (not a shared queue whose replicas compete), deleted when
/// the process goes: its list is in memory, and the issuer's internal list refills it after a restart.
/// </summary>
public static class SessionEvents
{
    public const string QueuePrefix = "sessions-ended-";

    public static void AddSessionsEndedConsumer(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<SessionsEndedConsumer>().ExcludeFromConfigureEndpoints();

    public static void ReceiveSessionsEnded(this IRabbitMqBusFactoryConfigurator rabbit, IBusRegistrationContext context, string service) =>
        rabbit.ReceiveEndpoint($"{QueuePrefix}{service}-{Guid.NewGuid():N}", e =>
        {
            e.Durable = false;
            e.AutoDelete = true;
            e.ConfigureConsumeTopology = true;
            e.ConfigureConsumer<SessionsEndedConsumer>(context);
        });
}
