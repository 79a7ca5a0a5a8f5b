using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookPayerChangedConsumer(WebhookConsumption webhooks) : IConsumer<PayerChanged>
{
    public static IEnumerable<WebhookEvent> Map(PayerChanged m) =>
    [
        new(m.PartnerId, WebhookEventTypes.AccountPayerChanged, new WebhookPayer(WebhookAccount.FormatId(m.AccountId), m.Payer, m.NotificationEmail),
            m.ChangedAt, new { payer = m.PreviousPayer }),
    ];

    public Task Consume(ConsumeContext<PayerChanged> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookPayerChangedConsumer), context.Message.PartnerId, Map(context.Message));
}
