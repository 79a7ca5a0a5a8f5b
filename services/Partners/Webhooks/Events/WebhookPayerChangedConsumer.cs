using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookPayerChangedConsumer(PartnersDb db, WebhookEvents events, WebhookSignal signal) : IConsumer<PayerChanged>
{
    public async Task Consume(ConsumeContext<PayerChanged> context)
    {
        var m = context.Message;
        if (await db.ConsumeOnceAsync(context, nameof(WebhookPayerChangedConsumer), async ct =>
        {
            await events.QueueAsync(m.PartnerId, WebhookEventTypes.AccountPayerChanged, new WebhookPayer(WebhookAccount.FormatId(m.AccountId), m.Payer, m.NotificationEmail),
                m.ChangedAt, ct, previousAttributes: new { payer = m.PreviousPayer });
        }))
        {
            signal.Notify();
        }
    }
}
