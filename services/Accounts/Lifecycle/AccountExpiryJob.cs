using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Accounts.Lifecycle;

/// <summary>
/// Expires trials and cancelled accounts at their period end. Each batch claims its rows with FOR UPDATE SKIP LOCKED in
/// its own transaction, so several instances share the work and never expire (or announce) one account twice.
/// </summary>
public sealed class AccountExpiryJob(AccountsDb db, ILogger<AccountExpiryJob> logger) : IDueJob
{
    private const int BatchSize = 200;

    public string Name => "account_expiry";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var expired = await ExpireBatchAsync(now, cancellationToken);
            total += expired;
            if (expired < BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> ExpireBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var trial = nameof(AccountStatus.Trial);
        var cancelled = nameof(AccountStatus.Cancelled);
        var due = await db.Accounts
            .FromSql($"SELECT *, xmin FROM accounts WHERE status IN ({trial}, {cancelled}) AND current_period_end <= {now} ORDER BY current_period_end LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var account in due.Where(a => a.ExpireIfDue(now)))
        {
            logger.LogInformation("Account {AccountId} expired at the end of its period {PeriodEnd}", account.Id, account.CurrentPeriodEnd);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
