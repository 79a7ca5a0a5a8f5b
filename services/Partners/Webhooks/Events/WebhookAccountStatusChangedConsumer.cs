using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountStatusChangedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<AccountStatusChanged>
{
    public static IEnumerable<WebhookEvent> Map(AccountStatusChanged changed) =>
    [
        new(changed.PartnerId, WebhookEventTypes.AccountStatusChanged,
            new WebhookAccountStatus(WebhookAccount.FormatId(changed.AccountId), changed.Status, changed.Payer), changed.ChangedAt,
            new PreviousStatus(changed.PreviousStatus)),
    ];

    public async Task Consume(ConsumeContext<AccountStatusChanged> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountStatusChangedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }

    private sealed record PreviousStatus(string Status);
}
