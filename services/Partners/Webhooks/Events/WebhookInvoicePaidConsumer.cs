using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>invoice.paid (and credits.purchase_completed for a credit pack) for the invoices the partner sees: a customer-paid invoice is the customer's alone (DOMAIN.md), never sent.</summary>
public sealed class WebhookInvoicePaidConsumer(WebhookConsumption webhooks) : IConsumer<InvoicePaid>
{
    public static IEnumerable<WebhookEvent> Map(InvoicePaid paid)
    {
        if (paid.Payer != Payers.Partner)
        {
            yield break;
        }
        var invoice = WebhookInvoice.From(paid);
        yield return new(paid.PartnerId, WebhookEventTypes.InvoicePaid, invoice, paid.PaidAt);
        if (paid.Purpose == InvoicePurposes.CreditPurchase)
        {
            yield return new(paid.PartnerId, WebhookEventTypes.CreditsPurchaseCompleted,
                new WebhookCreditPurchase(paid.Reference, invoice.Id, invoice.AccountId, invoice.Total!, null), paid.PaidAt);
        }
    }

    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        if (context.Message.Payer != Payers.Partner)
        {
            return;
        }
        await webhooks.QueueOnceAsync(context, nameof(WebhookInvoicePaidConsumer), context.Message.PartnerId, Map(context.Message));
    }
}
