using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountStatusChangedConsumer(PartnersDb db, WebhookEvents events, WebhookSignal signal) : IConsumer<AccountStatusChanged>
{
    public async Task Consume(ConsumeContext<AccountStatusChanged> context)
    {
        var changed = context.Message;
        var account = new WebhookAccountStatus(WebhookAccount.FormatId(changed.AccountId), changed.Status, changed.Payer);
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountStatusChangedConsumer), ct =>
            events.QueueAsync(changed.PartnerId, WebhookEventTypes.AccountStatusChanged, account, changed.ChangedAt, ct,
                previousAttributes: new PreviousStatus(changed.PreviousStatus))))
        {
            signal.Notify();
        }
    }

    private sealed record PreviousStatus(string Status);
}
