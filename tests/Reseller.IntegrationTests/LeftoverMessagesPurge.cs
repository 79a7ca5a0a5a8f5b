using MassTransit;

namespace Reseller.IntegrationTests;

/// <summary>
/// Empties a test host's queues as it starts. A service whose queues keep the service's own names (Credits) finds them, in a
/// lane used before, full of what other tests published while it was not running (Billing's tests' InvoicePaid and
/// PaymentFailed): consumed into its fresh database, they would count as the test's own messages.
/// Registered after the service's messaging: MassTransit adds the service's own endpoint callback (retries, the earlier-event
/// filter, quorum queues) only when no <see cref="IConfigureReceiveEndpoint"/> is registered yet.
/// </summary>
public sealed class LeftoverMessagesPurge : IConfigureReceiveEndpoint
{
    public void Configure(string name, IReceiveEndpointConfigurator configurator)
    {
        if (configurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PurgeOnStartup = true;
        }
    }
}
