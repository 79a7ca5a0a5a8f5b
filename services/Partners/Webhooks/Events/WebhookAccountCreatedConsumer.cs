using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountCreatedConsumer(PartnersDb db, WebhookEvents events, WebhookSignal signal) : IConsumer<AccountCreated>
{
    public async Task Consume(ConsumeContext<AccountCreated> context)
    {
        var created = context.Message;
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountCreatedConsumer), ct =>
            events.QueueAsync(created.PartnerId, WebhookEventTypes.AccountCreated, WebhookAccount.From(created), created.CreatedAt, ct)))
        {
            signal.Notify();
        }
    }
}
