using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.Renewals;

/// <summary>
/// Retries failed charges in dunning (renewals, plan changes, prorations: <see cref="FailedCharges.IsRetried"/>) when their
/// next attempt is due (1, 3 and 5 days after the first failure), on the invoice payer's card; one still without a card
/// fails again, so the account expires after the last retry like any unpaid renewal.
/// </summary>
public sealed class DunningJob(BillingDb db, BatchChargeProcessor charges, TimeProvider clock) : IDueJob
{
    private const int BatchSize = 50;

    public string Name => "dunning_retries";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retried = 0;
        while (await ClaimBatchAsync(now, cancellationToken) is { Count: > 0 } payments)
        {
            await charges.ProcessAsync(payments, cancellationToken);
            retried += payments.Count;
        }
        return retried;
    }

    private async Task<List<Guid>> ClaimBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Invoices.FromSql($"""
            SELECT *, xmin FROM invoices WHERE status = 'Open' AND next_retry_at <= {now}
            ORDER BY next_retry_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var payments = new List<Guid>(due.Count);
        foreach (var invoice in due)
        {
            var account = await db.BilledAccounts.SingleAsync(a => a.AccountId == invoice.AccountId, cancellationToken);
            invoice.StartRetry();
            if (!StillCharged(invoice, account))
            {
                continue;
            }
            if (await PayerCards.ForInvoiceAsync(db, account, invoice.Payer, cancellationToken) is { } profileId)
            {
                var payment = Payment.Start(invoice.Id, invoice.PartnerId, profileId, invoice.AmountDue, invoice.Currency, clock.GetUtcNow());
                db.Payments.Add(payment);
                payments.Add(payment.Id);
            }
            else
            {
                // Still no card (none chosen since a move-in, say): the retry fails as the renewal did, and the last one
                // expires the account as any dunning does, rather than leaving it unpaid and in service for good.
                FailedCharges.Register(db, invoice, account, FailedCharges.NoCard, clock.GetUtcNow());
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payments;
    }

    /// <summary>
    /// Whether the invoice's account is still charged for it: a period's invoice while the account is in dunning (a
    /// cancelled, expired or transferred one is not charged); an upgrade's proration while the account runs on the upgrade
    /// (its failure leaves the account active, and a cancelled one is still in service until its period ends).
    /// </summary>
    private static bool StillCharged(Invoice invoice, BilledAccount account) =>
        invoice.Purpose == InvoicePurposes.Proration
            ? account.Status is AccountStatus.Active or AccountStatus.PaymentFailed or AccountStatus.Cancelled
            : account.Status == AccountStatus.PaymentFailed;
}
