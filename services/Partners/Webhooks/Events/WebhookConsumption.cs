using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>
/// A webhook consumer's one step: the message's events are queued once (the inbox), and the sender woken when any was.
/// Most partners have no endpoint: for them a message is settled with one read, without the inbox's transaction and its
/// row, since nothing would be queued and there is nothing a redelivery could do twice. (Every partner-paid account's
/// creation and first payment reach four of these consumers.)
/// </summary>
public sealed class WebhookConsumption(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal)
{
    public Task QueueOnceAsync<TMessage>(ConsumeContext<TMessage> context, string consumer, Guid partnerId, IEnumerable<WebhookEvent> eventsToQueue)
        where TMessage : class =>
        QueueOnceAsync(context, consumer, partnerId, _ => Task.FromResult(eventsToQueue));

    public async Task QueueOnceAsync<TMessage>(ConsumeContext<TMessage> context, string consumer, Guid partnerId,
        Func<CancellationToken, Task<IEnumerable<WebhookEvent>>> eventsToQueue) where TMessage : class
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.PartnerId == partnerId && e.Enabled && e.DeletedAt == null, context.CancellationToken))
        {
            return;
        }
        if (await db.ConsumeOnceAsync(context, consumer, async ct => await events.QueueAsync(await eventsToQueue(ct), ct)))
        {
            signal.Notify();
        }
    }
}
