using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountTransferredOutConsumer(PartnersDb db, WebhookEvents events, WebhookSignal signal) : IConsumer<AccountTransferredOut>
{
    public async Task Consume(ConsumeContext<AccountTransferredOut> context)
    {
        var m = context.Message;
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountTransferredOutConsumer), async ct =>
        {
            await events.QueueAsync(m.FormerPartnerId, WebhookEventTypes.AccountTransferredOut,
                new WebhookTransfer(WebhookAccount.FormatId(m.AccountId), AccountStatuses.Transferred, m.TransferredAt), m.TransferredAt, ct);
        }))
        {
            signal.Notify();
        }
    }
}
