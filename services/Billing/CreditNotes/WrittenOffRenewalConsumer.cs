using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// A renewal whose last dunning attempt failed is written off and its account expires: the period it was for is never paid
/// and the account does not run through it. An upgrade made during that dunning was prorated over that period and charged
/// on its own (<see cref="PlanChangeInvoicer"/>); what was paid of it is credited in full, the card part refunded after
/// commit and the prepaid part returned, so the payer never pays for the upgrade of a period it does not get. Its open
/// prorations are voided when Billing hears the account expired. Once per failure, however often it is delivered.
/// </summary>
public sealed class WrittenOffRenewalConsumer(BillingDb db, InvoiceCrediting crediting, CardRefunds cardRefunds, ILogger<WrittenOffRenewalConsumer> logger)
    : IConsumer<PaymentFailed>
{
    public async Task Consume(ConsumeContext<PaymentFailed> context)
    {
        var failed = context.Message;
        if (!failed.Final || failed.Purpose != InvoicePurposes.Renewal || failed.AccountId is not { } accountId)
        {
            return;
        }
        List<CreditNote> notes = [];
        await db.ConsumeOnceAsync(context, nameof(WrittenOffRenewalConsumer), async ct =>
        {
            notes = [];
            var renewal = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == failed.InvoiceId, ct);
            var prorations = await db.Invoices.AsNoTracking()
                .Where(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid
                    && i.PeriodEnd == renewal.PeriodEnd && i.PeriodStart >= renewal.PeriodStart)
                .OrderBy(i => i.Id)
                .Select(i => i.Id)
                .ToListAsync(ct);
            foreach (var id in prorations)
            {
                var proration = (await crediting.LockAsync(id, ct))!;
                var credited = await crediting.CreditedAsync(proration, ct);
                if (credited.LeftOf(proration) > 0)
                {
                    notes.Add(await crediting.IssueAsync(proration, credited, credited.LeftOf(proration), WrittenOffRenewalReason.In(proration.Language), ct));
                }
            }
        });
        foreach (var note in notes)
        {
            logger.LogInformation("Invoice {InvoiceId}: upgrade of a period whose renewal was written off, credited in full by {CreditNote}", note.InvoiceId, note.Number);
            // After the commit, so the note exists whatever the provider answers; the recovery job finishes a refund left undone.
            await cardRefunds.RefundAfterCommitAsync(note.Id, context.CancellationToken);
        }
    }
}
