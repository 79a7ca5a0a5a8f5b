using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

public sealed class OutboxAndInboxTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan DeliveryTimeout = Eventually.Propagation;
    private readonly string runId = Guid.NewGuid().ToString("N");

    private int DeliveriesOf(string label) => WidgetMadeConsumer.Deliveries.Count(d => d.RunId == runId && d.Label == label);

    private async Task<MessagingHost> StartHostAsync() =>
        await MessagingHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync("outbox"), $"widgets-{runId}");

    [Fact]
    public async Task A_message_written_in_a_rolled_back_transaction_is_never_published()
    {
        await using var host = await StartHostAsync();

        await host.InTransactionAsync(db => { db.Publish(new WidgetMade(runId, "rolled-back"), DateTimeOffset.UtcNow); return Task.CompletedTask; }, commit: false);
        await host.InTransactionAsync(db => { db.Publish(new WidgetMade(runId, "committed"), DateTimeOffset.UtcNow); return Task.CompletedTask; }, commit: true);

        Assert.True(await Eventually.HoldsAsync(() => DeliveriesOf("committed") == 1, DeliveryTimeout));
        await Task.Delay(TimeSpan.FromSeconds(2)); // Not a condition wait: time for the rolled-back message to show up if it wrongly leaked.
        Assert.Equal(0, DeliveriesOf("rolled-back"));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null)));
    }

    [Fact]
    public async Task A_message_that_cannot_be_published_holds_back_none_of_the_messages_written_after_it()
    {
        await using var host = await StartHostAsync();

        await host.InTransactionAsync(db =>
        {
            // First in the outbox's order: a body whose type no process knows (an event renamed in a later version, say).
            db.Set<OutboxMessage>().Add(OutboxMessage.For(Guid.NewGuid(), "Reseller.Gone.WidgetRenamed, Reseller.Gone", "{}", null, DateTimeOffset.UtcNow));
            for (var i = 0; i < 150; i++)
            {
                db.Publish(new WidgetMade(runId, "after-poison"), DateTimeOffset.UtcNow);
            }
            return Task.CompletedTask;
        }, commit: true);

        Assert.True(await Eventually.HoldsAsync(
            async () => await host.QueryAsync(db => db.Widgets.CountAsync(w => w.RunId == runId && w.Label == "after-poison")) == 150, DeliveryTimeout));
        Assert.True(await Eventually.HoldsAsync(
            async () => await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null && m.Attempts > 0)) == 1, DeliveryTimeout));
        var unpublished = await host.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.PublishedAt == null).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(["Reseller.Gone.WidgetRenamed, Reseller.Gone"], unpublished);
    }

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        await using var host = await StartHostAsync();
        var messageId = NewId.NextGuid();
        var consumed = ConsumedMessages.ObserveOn(host.Bus);

        await host.Bus.Publish(new WidgetMade(runId, "twice"), c => c.MessageId = messageId);
        await host.Bus.Publish(new WidgetMade(runId, "twice"), c => c.MessageId = messageId);

        Assert.True(await Eventually.HoldsAsync(() => DeliveriesOf("twice") == 2, DeliveryTimeout));
        // A later message through the same queue: once its widget exists, the redelivery published before it was handled too.
        var markerId = NewId.NextGuid();
        await host.Bus.Publish(new WidgetMade(runId, "marker"), c => c.MessageId = markerId);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Widgets.CountAsync(w => w.RunId == runId && w.Label == "marker")) == 1, DeliveryTimeout));
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled(messageId, messageId, markerId), DeliveryTimeout));
        Assert.Equal(1, await host.QueryAsync(db => db.Widgets.CountAsync(w => w.RunId == runId && w.Label == "twice")));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }
}
