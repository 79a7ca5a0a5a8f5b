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

public sealed class WebhookStatementPaidConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<CommissionStatementPaid>
{
    public static IEnumerable<WebhookEvent> Map(CommissionStatementPaid m) =>
    [
        new(m.PartnerId, WebhookEventTypes.CommissionStatementPaid, new WebhookStatement(PublicId.Format("cst", m.StatementId),
            m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), "paid", new MoneyAmount(m.Total, m.Currency), m.PayoutReference, m.PaidAt),
            m.PaidAt),
    ];

    public async Task Consume(ConsumeContext<CommissionStatementPaid> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookStatementPaidConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
