using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Billing;
using Reseller.Credits.Data;

namespace Reseller.Credits.Purchases;

/// <summary>
/// Joins Billing's word on a pack invoice to its purchase, whichever comes first: the purchase learns its invoice id from
/// Billing's answer, while PaymentFailed (which names only the invoice) may arrive before that answer is stored. Both sides
/// take one advisory lock per invoice, so a failure is either found by the purchase when linking or finds the linked purchase.
/// </summary>
public sealed class PurchaseInvoiceLinks(CreditsDb db)
{
    /// <summary>Records the purchase's invoice, applying a failure Billing already announced for it.</summary>
    public async Task<CreditPurchase> LinkAsync(Guid purchaseId, Guid invoiceId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(invoiceId, cancellationToken);
        var purchase = await db.Purchases.FromSql($"SELECT * FROM credit_purchases WHERE id = {purchaseId} FOR UPDATE").SingleAsync(cancellationToken);
        purchase.Invoiced(invoiceId);
        if (await db.UnmatchedInvoiceFailures.FindAsync([invoiceId], cancellationToken) is { } failure)
        {
            if (purchase.InvoiceId == invoiceId && failure.PartnerId == purchase.PartnerId)
            {
                purchase.Fail(failure.FailureCode, failure.FailedAt);
            }
            db.UnmatchedInvoiceFailures.Remove(failure);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purchase;
    }

    /// <summary>Marks the invoice's purchase failed, or keeps the failure until the purchase is linked. Call inside a transaction.</summary>
    public async Task FailAsync(PaymentFailed failed, CancellationToken cancellationToken)
    {
        await LockAsync(failed.InvoiceId, cancellationToken);
        var purchase = await db.Purchases.FromSql($"SELECT * FROM credit_purchases WHERE invoice_id = {failed.InvoiceId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (purchase is not null)
        {
            if (purchase.PartnerId == failed.PartnerId)
            {
                purchase.Fail(failed.FailureCode, failed.FailedAt);
            }
            return;
        }
        if (await db.UnmatchedInvoiceFailures.FindAsync([failed.InvoiceId], cancellationToken) is { } known)
        {
            known.Again(failed.FailureCode, failed.FailedAt);
        }
        else
        {
            db.UnmatchedInvoiceFailures.Add(UnmatchedInvoiceFailure.Record(failed.InvoiceId, failed.PartnerId, failed.FailureCode, failed.FailedAt));
        }
    }

    private async Task LockAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({invoiceId.ToString("N")}, 0))", cancellationToken);
}
