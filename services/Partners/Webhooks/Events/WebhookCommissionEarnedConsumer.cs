using System.Globalization;

using MassTransit;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>commission.earned: the earning only (its amount and kind), never the customer's invoice itself.</summary>
public sealed class WebhookCommissionEarnedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<CommissionEarned>
{
    public static IEnumerable<WebhookEvent> Map(CommissionEarned m) =>
    [
        new(m.PartnerId, WebhookEventTypes.CommissionEarned, new WebhookEarning(PublicId.Format("ern", m.EarningId),
            m.AccountId is { } a ? WebhookAccount.FormatId(a) : null, PublicId.Format(WebhookInvoice.IdPrefix, m.InvoiceId), m.Kind,
            new MoneyAmount(m.Amount, m.Currency), m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.EarnedAt), m.EarnedAt),
    ];

    public async Task Consume(ConsumeContext<CommissionEarned> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookCommissionEarnedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
