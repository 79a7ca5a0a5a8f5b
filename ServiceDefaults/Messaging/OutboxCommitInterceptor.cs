using System.Data.Common;
using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.DomainEvents;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// The unit of work's one step before saving: the aggregates' domain events become rows (<see cref="DomainEventDispatcher"/>),
/// then the dispatcher is woken once a unit of work that wrote outbox rows has committed (at SaveChanges without a
/// transaction, at commit with one). Saves that wrote no outbox row — the dispatcher's own among them — wake nothing.
/// </summary>
public sealed class OutboxCommitInterceptor(QueueSignal<OutboxMessage> signal, DomainEventDispatcher domainEvents) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> wroteOutbox = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            NotifyIfWritten(context);
        }
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            NotifyIfWritten(context);
        }
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            NotifyIfWritten(context);
        }
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            wroteOutbox.Remove(context);
        }
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        domainEvents.Dispatch(context);
        if (context.ChangeTracker.HasAdded<OutboxMessage>())
        {
            wroteOutbox.AddOrUpdate(context, true);
        }
    }

    private void NotifyIfWritten(DbContext context)
    {
        if (wroteOutbox.Remove(context))
        {
            signal.Notify();
        }
    }
}
