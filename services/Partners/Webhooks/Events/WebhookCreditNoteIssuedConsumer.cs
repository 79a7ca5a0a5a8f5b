using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>credit_note.issued for the invoices the partner pays only (a customer-paid invoice is the customer's alone).</summary>
public sealed class WebhookCreditNoteIssuedConsumer(WebhookConsumption webhooks) : IConsumer<CreditNoteIssued>
{
    public static IEnumerable<WebhookEvent> Map(CreditNoteIssued m) => m.Payer != Payers.Partner
        ? []
        : [
            new(m.PartnerId, WebhookEventTypes.CreditNoteIssued, new WebhookCreditNote(PublicId.Format("cn", m.CreditNoteId), m.Number,
                PublicId.Format(WebhookInvoice.IdPrefix, m.InvoiceId), m.AccountId is { } a ? WebhookAccount.FormatId(a) : null,
                new MoneyAmount(m.Amount, m.Currency), m.IssuedAt), m.IssuedAt),
        ];

    public Task Consume(ConsumeContext<CreditNoteIssued> context) =>
        webhooks.QueueOnceAsync(context, nameof(WebhookCreditNoteIssuedConsumer), context.Message.PartnerId, Map(context.Message));
}
