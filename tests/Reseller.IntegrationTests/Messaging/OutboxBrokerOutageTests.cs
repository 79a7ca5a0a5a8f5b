using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Messaging;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// The outbox across a broker outage. It stops its broker, so it has servers of its own (a class fixture) rather than
/// the ones every other test class shares while running beside it.
/// </summary>
[LoadsTheMachine]
public sealed class OutboxBrokerOutageTests(TestInfrastructure infrastructure) : IClassFixture<TestInfrastructure>
{
    private static readonly TimeSpan DeliveryTimeout = Eventually.Propagation;
    private readonly string runId = Guid.NewGuid().ToString("N");

    private int DeliveriesOf(string label) => WidgetMadeConsumer.Deliveries.Count(d => d.RunId == runId && d.Label == label);

    [Fact]
    public async Task A_message_committed_while_RabbitMQ_is_down_is_delivered_once_it_is_back()
    {
        await using var host = await MessagingHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync("outbox"), $"widgets-{runId}");
        var broker = infrastructure.Broker!;

        await broker.StopAsync();
        try
        {
            await host.InTransactionAsync(db => { db.Publish(new WidgetMade(runId, "during-outage"), DateTimeOffset.UtcNow); return Task.CompletedTask; }, commit: true);
            await Task.Delay(TimeSpan.FromSeconds(3)); // Not a condition wait: the message must stay unpublished while the broker is down.
            Assert.Equal(1, await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null)));
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await broker.StartAgainAsync(timeout.Token);
        }

        Assert.True(await Eventually.HoldsAsync(() => DeliveriesOf("during-outage") >= 1, TimeSpan.FromSeconds(90)));
        Assert.True(await Eventually.HoldsAsync(
            async () => await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null)) == 0, DeliveryTimeout));
        Assert.True(await Eventually.HoldsAsync(
            async () => await host.QueryAsync(db => db.Widgets.CountAsync(w => w.RunId == runId && w.Label == "during-outage")) == 1, DeliveryTimeout));
    }
}
