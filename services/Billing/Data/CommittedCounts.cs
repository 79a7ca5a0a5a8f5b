using System.Data.Common;

using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reseller.Billing.Data;

/// <summary>Runs <see cref="BillingDb.CountOnCommit"/>'s counts after the commit succeeded, and drops them otherwise.</summary>
internal sealed class CommittedCounts : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly CommittedCounts Instance = new();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitIfNoTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommitIfNoTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonIfNoTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AbandonIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as BillingDb)?.Abandoned();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as BillingDb)?.Abandoned();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as BillingDb)?.Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as BillingDb)?.Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as BillingDb)?.Abandoned();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as BillingDb)?.Abandoned();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => (eventData.Context as BillingDb)?.Abandoned();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as BillingDb)?.Abandoned();
        return Task.CompletedTask;
    }

    private static void CommitIfNoTransaction(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is BillingDb db && db.Database.CurrentTransaction is null)
        {
            db.Committed();
        }
    }

    private static void AbandonIfNoTransaction(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is BillingDb db && db.Database.CurrentTransaction is null)
        {
            db.Abandoned();
        }
    }
}
