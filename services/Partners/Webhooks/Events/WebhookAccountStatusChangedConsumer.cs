using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountStatusChangedConsumer(WebhookConsumption webhooks) : IConsumer<AccountStatusChanged>
{
    public static IEnumerable<WebhookEvent> Map(AccountStatusChanged changed) =>
    [
        new(changed.PartnerId, WebhookEventTypes.AccountStatusChanged,
            new WebhookAccountStatus(WebhookAccount.FormatId(changed.AccountId), changed.Status, changed.Payer), changed.ChangedAt,
            new PreviousStatus(changed.PreviousStatus)),
    ];

    public Task Consume(ConsumeContext<AccountStatusChanged> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookAccountStatusChangedConsumer), context.Message.PartnerId, Map(context.Message));

    private sealed record PreviousStatus(string Status);
}
