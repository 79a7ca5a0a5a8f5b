using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookPayerChangedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<PayerChanged>
{
    public static IEnumerable<WebhookEvent> Map(PayerChanged m) =>
    [
        new(m.PartnerId, WebhookEventTypes.AccountPayerChanged, new WebhookPayer(WebhookAccount.FormatId(m.AccountId), m.Payer, m.NotificationEmail),
            m.ChangedAt, new { payer = m.PreviousPayer }),
    ];

    public async Task Consume(ConsumeContext<PayerChanged> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookPayerChangedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
