using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>invoice.paid for the invoices the partner sees: a customer-paid invoice is the customer's alone (DOMAIN.md), never sent.</summary>
public sealed class WebhookInvoicePaidConsumer(PartnersDb db, WebhookEvents events, WebhookSignal signal) : IConsumer<InvoicePaid>
{
    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        var paid = context.Message;
        if (paid.Payer != Payers.Partner)
        {
            return;
        }
        if (await db.ConsumeOnceAsync(context, nameof(WebhookInvoicePaidConsumer), ct =>
            events.QueueAsync(paid.PartnerId, WebhookEventTypes.InvoicePaid, WebhookInvoice.From(paid), paid.PaidAt, ct)))
        {
            signal.Notify();
        }
    }
}
