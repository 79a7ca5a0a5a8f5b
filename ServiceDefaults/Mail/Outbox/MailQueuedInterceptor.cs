using System.Data.Common;
using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.ServiceDefaults.Mail.Outbox;

/// <summary>Wakes the mail dispatcher once a unit of work that queued a mail has committed (never on a rollback).</summary>
public sealed class MailQueuedInterceptor(QueueSignal<QueuedMail> signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> queuedMail = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.HasAdded<QueuedMail>())
        {
            queuedMail.AddOrUpdate(context, true);
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && queuedMail.Remove(context))
        {
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && queuedMail.Remove(context))
        {
            signal.Notify();
        }
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            queuedMail.Remove(context);
        }
        return Task.CompletedTask;
    }
}
