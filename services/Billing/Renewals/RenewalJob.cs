using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.Renewals;

/// <summary>
/// Renews every active paid account whose period has ended, on its anniversary. Due accounts are claimed in batches with
/// FOR UPDATE SKIP LOCKED, so any number of Billing instances share the run. Invoicing updates the claimed row
/// (renewal_invoiced_for), so an instance whose statement began before another committed re-checks the row and skips it;
/// the unique (account, period) index on invoices stays the last guard against a second charge for one period, and an account
/// whose next period already has its invoice is held back, logged and left due (the renewal lag shows it) rather than let
/// that index roll back its batch at every run. An account
/// whose switch to a new period (monthly to annual) is still being charged waits: paid, that invoice is its next period;
/// declined, the account is in dunning.
/// A batch is invoiced in one transaction (one discount count per partner, its invoice numbers in one statement, last),
/// then charged concurrently and recorded together.
/// </summary>
public sealed partial class RenewalJob(BillingDb db, PeriodInvoicer invoicer, BatchChargeProcessor charges, ILogger<RenewalJob> logger) : IDueJob
{
    private const int BatchSize = 500;
    private static readonly string OpenStatus = InvoiceStatus.Open.ToString();

    public string Name => "renewals";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var renewed = 0;
        var heldBack = new HashSet<Guid>();
        while (true)
        {
            var payments = await InvoiceBatchAsync(DateOnly.FromDateTime(now.UtcDateTime), heldBack, cancellationToken);
            if (payments is null)
            {
                return renewed;
            }
            await charges.ProcessAsync(payments, cancellationToken);
            renewed += payments.Count;
        }
    }

    /// <summary>
    /// Invoices one batch of due accounts in one transaction, leaving out those held back in this run and adding to them the
    /// claimed accounts whose next period is invoiced already; null when nothing is due.
    /// </summary>
    private async Task<List<Guid>?> InvoiceBatchAsync(DateOnly today, HashSet<Guid> heldBack, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.BilledAccounts.FromSql($"""
            SELECT a.*, a.xmin FROM billed_accounts a
            WHERE a.status = 'Active' AND a.cadence IN ('monthly', 'annual') AND a.current_period_end <= {today}
              AND (a.renewal_invoiced_for IS NULL OR a.renewal_invoiced_for < a.current_period_end)
              AND a.account_id <> ALL({heldBack.ToArray()})
              AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = a.account_id AND i.purpose = {InvoicePurposes.PlanChange}
                              AND i.status = {OpenStatus} AND i.period_end > a.current_period_end)
            ORDER BY a.current_period_end
            LIMIT {BatchSize}
            FOR UPDATE OF a SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return null;
        }

        var invoicedAlready = await AlreadyInvoicedPeriods.AmongAsync(db, due, cancellationToken);
        foreach (var accountId in invoicedAlready)
        {
            LogPeriodInvoicedAlready(accountId);
        }
        heldBack.UnionWith(invoicedAlready);
        var renewing = due.Where(a => !invoicedAlready.Contains(a.AccountId)).ToList();
        var payments = renewing.Count == 0 ? [] : await invoicer.InvoiceRenewalsAsync(renewing, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Invoiced {Count} renewals", renewing.Count);
        return payments;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Renewal of account {AccountId} held back: its next period already has an invoice, and a second would charge it twice; it stays due until mended")]
    private partial void LogPeriodInvoicedAlready(Guid accountId);
}
