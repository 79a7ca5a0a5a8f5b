using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>credit_note.issued for the invoices the partner pays only (a customer-paid invoice is the customer's alone).</summary>
public sealed class WebhookCreditNoteIssuedConsumer(PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal) : IConsumer<CreditNoteIssued>
{
    public static IEnumerable<WebhookEvent> Map(CreditNoteIssued m) => m.Payer != Payers.Partner
        ? []
        : [
            new(m.PartnerId, WebhookEventTypes.CreditNoteIssued, new WebhookCreditNote(PublicId.Format("cn", m.CreditNoteId), m.Number,
                PublicId.Format(WebhookInvoice.IdPrefix, m.InvoiceId), m.AccountId is { } a ? WebhookAccount.FormatId(a) : null,
                new MoneyAmount(m.Amount, m.Currency), m.IssuedAt), m.IssuedAt),
        ];

    public async Task Consume(ConsumeContext<CreditNoteIssued> context)
    {
        if (await db.ConsumeOnceAsync(context, nameof(WebhookCreditNoteIssuedConsumer), ct => events.QueueAsync(Map(context.Message), ct)))
        {
            signal.Notify();
        }
    }
}
