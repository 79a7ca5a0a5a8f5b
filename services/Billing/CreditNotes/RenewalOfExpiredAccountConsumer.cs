using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// Gives back a renewal paid for an account that had expired without it (RenewalOfExpiredAccount): what is left of the
/// invoice is credited in one note, the card part refunded after commit and the prepaid part returned, so the payer never
/// pays for a period the account does not run. Once per invoice, however often Accounts asks.
/// </summary>
public sealed class RenewalOfExpiredAccountConsumer(BillingDb db, InvoiceCrediting crediting, CardRefunds cardRefunds, ILogger<RenewalOfExpiredAccountConsumer> logger)
    : IConsumer<RenewalOfExpiredAccount>
{
    public async Task Consume(ConsumeContext<RenewalOfExpiredAccount> context)
    {
        CreditNote? note = null;
        await db.ConsumeOnceAsync(context, nameof(RenewalOfExpiredAccountConsumer), async ct =>
        {
            var invoice = await crediting.LockAsync(context.Message.InvoiceId, ct);
            if (invoice is not { Status: InvoiceStatus.Paid, Purpose: InvoicePurposes.Renewal } || invoice.AccountId != context.Message.AccountId)
            {
                logger.LogWarning("Invoice {InvoiceId} is not a paid renewal of account {AccountId}; nothing to give back", context.Message.InvoiceId, context.Message.AccountId);
                return;
            }
            var credited = await crediting.CreditedAsync(invoice, ct);
            if (credited.LeftOf(invoice) <= 0)
            {
                return;
            }
            note = await crediting.IssueAsync(invoice, credited, credited.LeftOf(invoice), ExpiredRenewalReason.In(invoice.Language), ct);
        });
        if (note is not null)
        {
            logger.LogInformation("Invoice {InvoiceId}: renewal of expired account {AccountId} credited in full by {CreditNote}", note.InvoiceId, note.AccountId, note.Number);
            // After the commit, so the note exists whatever the provider answers; the recovery job finishes a refund left undone.
            await cardRefunds.RefundAfterCommitAsync(note.Id, context.CancellationToken);
        }
    }
}
