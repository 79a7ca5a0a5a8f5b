using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountCreatedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<AccountCreated>
{
    public static IEnumerable<WebhookEvent> Map(AccountCreated created) =>
        [new(created.PartnerId, WebhookEventTypes.AccountCreated, WebhookAccount.From(created), created.CreatedAt)];

    public async Task Consume(ConsumeContext<AccountCreated> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountCreatedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
