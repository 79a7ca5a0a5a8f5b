using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookAccountPlanChangedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<AccountPlanChanged>
{
    public static IEnumerable<WebhookEvent> Map(AccountPlanChanged m) =>
    [
        new(m.PartnerId, WebhookEventTypes.AccountPlanChanged, new WebhookPlanChange(WebhookAccount.FormatId(m.AccountId), WebhookPlan.From(m.Current),
            m.Scheduled is { } s ? WebhookPlan.From(s) : null, m.BillingProfileId is { } bp ? PublicId.Format("bp", bp) : null),
            m.ChangedAt, new { plan = WebhookPlan.From(m.Previous) }),
    ];

    public async Task Consume(ConsumeContext<AccountPlanChanged> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookAccountPlanChangedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
