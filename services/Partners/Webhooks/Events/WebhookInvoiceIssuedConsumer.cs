using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>invoice.issued for the invoices the partner pays: a customer-paid invoice is the customer's alone (DOMAIN.md), never sent.</summary>
public sealed class WebhookInvoiceIssuedConsumer(WebhookConsumption webhooks) : IConsumer<InvoiceIssued>
{
    public static IEnumerable<WebhookEvent> Map(InvoiceIssued issued) => issued.Payer != Payers.Partner
        ? []
        : [new(issued.PartnerId, WebhookEventTypes.InvoiceIssued, WebhookIssuedInvoice.From(issued), issued.IssuedAt)];

    public async Task Consume(ConsumeContext<InvoiceIssued> context)
    {
        if (context.Message.Payer != Payers.Partner)
        {
            return;
        }
        await webhooks.QueueOnceAsync(context, nameof(WebhookInvoiceIssuedConsumer), context.Message.PartnerId, Map(context.Message));
    }
}
