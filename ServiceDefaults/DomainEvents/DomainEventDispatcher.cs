using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

using Reseller.ServiceDefaults.Data;

namespace Reseller.ServiceDefaults.DomainEvents;

/// <summary>
/// The one place domain events become rows: before a SaveChanges, the events the tracked aggregates raised (and those their
/// recorders raise in turn), then <see cref="AggregateModified"/> for every changed aggregate, each given to every recorder.
/// It runs inside the outbox's own SaveChanges step, so the outbox sees every message the recorders add whatever the
/// order interceptors are registered in.
/// </summary>
public sealed class DomainEventDispatcher(IEnumerable<IDomainEventRecorder> recorders, TimeProvider clock)
{
    private const int MaxRounds = 10;
    private readonly IDomainEventRecorder[] recorders = [.. recorders];

    public void Dispatch(DbContext db)
    {
        if (recorders.Length == 0)
        {
            return;
        }
        // Compared with their snapshots twice: before the events are read, and again before the changed aggregates are, as
        // recorders may have changed tracked entities meanwhile. Reading the entries does not compare them again each time.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var now = clock.GetUtcNow();
        tracker.WithoutDetecting(() =>
        {
            for (var round = 0; Raised(db) is { Count: > 0 } events; round++)
            {
                if (round == MaxRounds)
                {
                    throw new InvalidOperationException("Domain event recorders keep raising events: a cycle between recorders?");
                }
                Handle(db, events, now);
            }
            tracker.DetectChanges();
            var modified = tracker.Entries<AggregateRoot>()
                .Where(e => e.State == EntityState.Modified || (e.State == EntityState.Unchanged && HasChangedParts(e)))
                .Select(e => new AggregateModified(e.Entity, e))
                .ToList();
            Handle(db, modified, now);
        });
    }

    private void Handle(DbContext db, IEnumerable<IDomainEvent> events, DateTimeOffset now)
    {
        foreach (var domainEvent in events)
        {
            foreach (var recorder in recorders)
            {
                recorder.Handle(db, domainEvent, now);
            }
        }
    }

    private static List<IDomainEvent> Raised(DbContext db)
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
        aggregates.ForEach(a => a.ClearDomainEvents());
        return events;
    }

    private static bool HasChangedParts(EntityEntry entry) => entry.References.Any(r => r.TargetEntry is { } t && IsChanged(t));

    private static bool IsChanged(EntityEntry entry) =>
        entry.State is EntityState.Modified or EntityState.Added or EntityState.Deleted
        || entry.References.Any(r => r.TargetEntry is { } t && IsChanged(t))
        || entry.Collections.Any(c => c.CurrentValue is { } items && items.Cast<object>().Any(i => entry.Context.Entry(i).State != EntityState.Unchanged));
}
