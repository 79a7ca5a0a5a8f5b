using System.Globalization;

using MassTransit;

using Reseller.Contracts.Partners;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

public sealed class WebhookStatementPaidConsumer(WebhookConsumption webhooks) : IConsumer<CommissionStatementPaid>
{
    public static IEnumerable<WebhookEvent> Map(CommissionStatementPaid m) =>
    [
        new(m.PartnerId, WebhookEventTypes.CommissionStatementPaid, new WebhookStatement(PublicId.Format("cst", m.StatementId),
            m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), "paid", new MoneyAmount(m.Total, m.Currency), m.PayoutReference, m.PaidAt),
            m.PaidAt),
    ];

    public Task Consume(ConsumeContext<CommissionStatementPaid> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookStatementPaidConsumer), context.Message.PartnerId, Map(context.Message));
}
