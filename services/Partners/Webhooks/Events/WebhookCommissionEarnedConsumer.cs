using System.Globalization;

using MassTransit;

using Reseller.Contracts.Partners;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>commission.earned: the earning only (its amount and kind), never the customer's invoice itself.</summary>
public sealed class WebhookCommissionEarnedConsumer(WebhookConsumption webhooks) : IConsumer<CommissionEarned>
{
    public static IEnumerable<WebhookEvent> Map(CommissionEarned m) =>
    [
        new(m.PartnerId, WebhookEventTypes.CommissionEarned, new WebhookEarning(PublicId.Format("ern", m.EarningId),
            m.AccountId is { } a ? WebhookAccount.FormatId(a) : null, PublicId.Format(WebhookInvoice.IdPrefix, m.InvoiceId), m.Kind,
            new MoneyAmount(m.Amount, m.Currency), m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.EarnedAt), m.EarnedAt),
    ];

    public Task Consume(ConsumeContext<CommissionEarned> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookCommissionEarnedConsumer), context.Message.PartnerId, Map(context.Message));
}
