using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountTransferredOutConsumer(WebhookConsumption webhooks) : IConsumer<AccountTransferredOut>
{
    /// <summary>To the former partner only: the account left the agency.</summary>
    public static IEnumerable<WebhookEvent> Map(AccountTransferredOut m) =>
    [
        new(m.FormerPartnerId, WebhookEventTypes.AccountTransferredOut,
            new WebhookTransfer(WebhookAccount.FormatId(m.AccountId), AccountStatuses.Transferred, m.TransferredAt), m.TransferredAt),
    ];

    public Task Consume(ConsumeContext<AccountTransferredOut> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookAccountTransferredOutConsumer), context.Message.FormerPartnerId, Map(context.Message));
}
