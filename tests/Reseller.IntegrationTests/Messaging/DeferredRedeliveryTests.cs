using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// A message that overtook the event it depends on by longer than the endpoint's immediate retries (a backed-up queue, a
/// consumer that failed for a while) is redelivered later through the outbox instead of going to the error queue; only
/// once its deferrals are spent does it go there.
/// </summary>
public sealed class DeferredRedeliveryTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private readonly string runId = Guid.NewGuid().ToString("N");

    private string Queue => $"widgets-{runId}";

    private async Task<MessagingHost> StartHostAsync(int maxDeferrals) =>
        await MessagingHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync("deferral"), Queue, QuickRedelivery.Settings(maxDeferrals));

    private static Task<List<OutboxMessage>> DeferredAsync(MessagingHost host, Guid messageId) =>
        host.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageId == messageId && m.Destination != null).OrderBy(m => m.Deferrals).ToListAsync());

    private Task<uint> ErrorDepthAsync() => ErrorQueues.DepthAsync(infrastructure.MessagingConnectionString, MessagingHost.PaintQueue(Queue));

    [Fact]
    public async Task A_message_that_overtook_its_earlier_event_past_every_retry_takes_effect_once_that_event_arrives()
    {
        await using var host = await StartHostAsync(maxDeferrals: 20);
        var paintId = NewId.NextGuid();
        var consumed = ConsumedMessages.ObserveOn(host.Bus);

        // Delivered twice (a broker redelivery): both copies wait, and the two deferrals of one message share one row.
        await host.Bus.Publish(new WidgetPainted(runId, "late", "red"), c => c.MessageId = paintId);
        await host.Bus.Publish(new WidgetPainted(runId, "late", "red"), c => c.MessageId = paintId);
        // Both copies used up their immediate retries waiting, then were deferred.
        Assert.True(await Eventually.HoldsAsync(
            () => WidgetPaintedConsumer.Attempts.Count(a => a.MessageId == paintId && a is { Deferrals: 0, RetryAttempt: ConsumerRetry.ImmediateRetries, Waited: true }) == 2,
            Eventually.Propagation), "The two copies did not both wait through their immediate retries.");
        Assert.True(await Eventually.HoldsAsync(async () => (await DeferredAsync(host, paintId)).Count > 0, Eventually.Propagation),
            "The waiting message was never deferred.");
        var deferred = (await DeferredAsync(host, paintId))[0];
        Assert.Equal("exchange:" + MessagingHost.PaintQueue(Queue), deferred.Destination);
        Assert.Equal(1, deferred.Deferrals);

        await host.Bus.Publish(new WidgetMade(runId, "late"));

        Assert.True(await Eventually.HoldsAsync(
            async () => await host.QueryAsync(db => db.Widgets.CountAsync(w => w.RunId == runId && w.Label == "late" && w.Colour == "red")) == 1,
            Eventually.Propagation), "The deferred message never took effect after the widget was made.");
        Assert.Contains(WidgetPaintedConsumer.Attempts, a => a.MessageId == paintId && a is { Deferrals: >= 1, Waited: false }); // Its redelivery did it.
        Assert.Equal(1, await host.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == paintId)));
        var rows = await DeferredAsync(host, paintId);
        Assert.Single(rows, r => r.Deferrals == 1);
        Assert.Equal(rows.Count, rows.Select(r => r.Deferrals).Distinct().Count());
        Assert.Equal(0u, await ErrorDepthAsync());
        Assert.Equal(0, consumed.FaultsOf(paintId)); // A deferral is not a consumer fault.
        // Deferred messages are not a stuck outbox: the pending gauge's query leaves them out.
        Assert.Equal(0, await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null && m.NotBefore == null)));
    }

    [Fact]
    public async Task A_message_whose_earlier_event_never_comes_goes_to_the_error_queue_once_its_deferrals_are_spent()
    {
        await using var host = await StartHostAsync(maxDeferrals: 1);
        var paintId = NewId.NextGuid();
        var consumed = ConsumedMessages.ObserveOn(host.Bus);

        await host.Bus.Publish(new WidgetPainted(runId, "never-made", "blue"), c => c.MessageId = paintId);

        Assert.True(await Eventually.HoldsAsync(async () => await ErrorDepthAsync() == 1, Eventually.Propagation),
            "The message never reached the error queue.");
        var rows = await DeferredAsync(host, paintId);
        Assert.Equal([1], rows.Select(r => r.Deferrals));
        Assert.NotNull(rows[0].PublishedAt);
        Assert.Contains(WidgetPaintedConsumer.Attempts, a => a.MessageId == paintId && a is { Deferrals: 1, RetryAttempt: ConsumerRetry.ImmediateRetries, Waited: true });
        Assert.Equal(0, await host.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == paintId)));
        Assert.Equal(1, consumed.FaultsOf(paintId));
    }
}
