using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountCreatedConsumer(WebhookConsumption webhooks) : IConsumer<AccountCreated>
{
    public static IEnumerable<WebhookEvent> Map(AccountCreated created) =>
        [new(created.PartnerId, WebhookEventTypes.AccountCreated, WebhookAccount.From(created), created.CreatedAt)];

    public Task Consume(ConsumeContext<AccountCreated> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookAccountCreatedConsumer), context.Message.PartnerId, Map(context.Message));
}
