using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>invoice.paid (and credits.purchase_completed for a credit pack) for the invoices the partner sees: a customer-paid invoice is the customer's alone (DOMAIN.md), never sent.</summary>
public sealed class WebhookInvoicePaidConsumer(PartnersDb db, WebhookEvents events, WebhookSignal signal) : IConsumer<InvoicePaid>
{
    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        var paid = context.Message;
        if (paid.Payer != Payers.Partner)
        {
            return;
        }
        if (await db.ConsumeOnceAsync(context, nameof(WebhookInvoicePaidConsumer), async ct =>
        {
            var invoice = WebhookInvoice.From(paid);
            await events.QueueAsync(paid.PartnerId, WebhookEventTypes.InvoicePaid, invoice, paid.PaidAt, ct);
            if (paid.Purpose == InvoicePurposes.CreditPurchase)
            {
                await events.QueueAsync(paid.PartnerId, WebhookEventTypes.CreditsPurchaseCompleted,
                    new WebhookCreditPurchase(paid.Reference, invoice.Id, invoice.AccountId, invoice.Total!, null), paid.PaidAt, ct);
            }
        }))
        {
            signal.Notify();
        }
    }
}
