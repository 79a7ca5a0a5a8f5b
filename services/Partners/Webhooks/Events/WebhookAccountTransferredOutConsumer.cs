using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountTransferredOutConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<AccountTransferredOut>
{
    /// <summary>To the former partner only: the account left the agency.</summary>
    public static IEnumerable<WebhookEvent> Map(AccountTransferredOut m) =>
    [
        new(m.FormerPartnerId, WebhookEventTypes.AccountTransferredOut,
            new WebhookTransfer(WebhookAccount.FormatId(m.AccountId), AccountStatuses.Transferred, m.TransferredAt), m.TransferredAt),
    ];

    public async Task Consume(ConsumeContext<AccountTransferredOut> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountTransferredOutConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
