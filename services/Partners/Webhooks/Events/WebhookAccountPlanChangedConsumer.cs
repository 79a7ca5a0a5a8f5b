using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountPlanChangedConsumer(WebhookConsumption webhooks) : IConsumer<AccountPlanChanged>
{
    public static IEnumerable<WebhookEvent> Map(AccountPlanChanged m) =>
    [
        new(m.PartnerId, WebhookEventTypes.AccountPlanChanged, new WebhookPlanChange(WebhookAccount.FormatId(m.AccountId), WebhookPlan.From(m.Current),
            m.Scheduled is { } s ? WebhookPlan.From(s) : null, m.BillingProfileId is { } bp ? PublicId.Format("bp", bp) : null),
            m.ChangedAt, new { plan = WebhookPlan.From(m.Previous) }),
    ];

    public Task Consume(ConsumeContext<AccountPlanChanged> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookAccountPlanChangedConsumer), context.Message.PartnerId, Map(context.Message));
}
