using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>invoice.issued for the invoices the partner pays: a customer-paid invoice is the customer's alone (DOMAIN.md), never sent.</summary>
public sealed class WebhookInvoiceIssuedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<InvoiceIssued>
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
        if (await db.ConsumeOnceAsync(context, nameof(WebhookInvoiceIssuedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
