using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>invoice.payment_failed (and invoice.uncollectible after the last retry, credits.purchase_failed for a credit pack), partner-paid only.</summary>
public sealed class WebhookPaymentFailedConsumer(PartnersDb db, WebhookConsumption webhooks) : IConsumer<PaymentFailed>
{
    /// <summary><paramref name="payer"/>: who pays the invoice's account (null when Partners does not follow it yet: left out).</summary>
    public static IEnumerable<WebhookEvent> Map(PaymentFailed m, string? payer)
    {
        if (payer != Payers.Partner)
        {
            yield break;
        }
        var invoice = new WebhookFailedPayment(PublicId.Format(WebhookInvoice.IdPrefix, m.InvoiceId), m.Number, m.Final ? "uncollectible" : "open",
            m.AccountId is { } a ? WebhookAccount.FormatId(a) : null, m.Purpose, new MoneyAmount(m.AmountDue, m.Currency), m.FailureCode, m.Attempt,
            m.FailedAt, m.NextRetryAt);
        yield return new(m.PartnerId, WebhookEventTypes.InvoicePaymentFailed, invoice, m.FailedAt);
        if (m.Final)
        {
            yield return new(m.PartnerId, WebhookEventTypes.InvoiceUncollectible, invoice, m.FailedAt);
        }
        if (m.Purpose == InvoicePurposes.CreditPurchase)
        {
            yield return new(m.PartnerId, WebhookEventTypes.CreditsPurchaseFailed,
                new WebhookCreditPurchase(null, invoice.Id, invoice.AccountId, invoice.AmountDue, m.FailureCode), m.FailedAt);
        }
    }

    public Task Consume(ConsumeContext<PaymentFailed> context)
    {
        var m = context.Message;
        return webhooks.QueueOnceAsync(context, nameof(WebhookPaymentFailedConsumer), m.PartnerId, async ct =>
        {
            // PaymentFailed does not say who pays: the account Partners follows does; a partner's own invoice (no account) is the partner's.
            var payer = m.AccountId is { } accountId
                ? await db.FollowedAccounts.Where(f => f.AccountId == accountId).Select(f => f.Payer).FirstOrDefaultAsync(ct)
                : Payers.Partner;
            return Map(m, payer);
        });
    }
}
