using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.DomainEvents;

/// <summary>Turns one kind of domain event into rows of the same unit of work (outbox messages, audit lines); a singleton.</summary>
public abstract class DomainEventRecorder<TEvent> : IDomainEventRecorder where TEvent : IDomainEvent
{
    public void Handle(DbContext db, IDomainEvent domainEvent, DateTimeOffset now)
    {
        if (domainEvent is TEvent handled)
        {
            Handle(db, handled, now);
        }
    }

    protected abstract void Handle(DbContext db, TEvent domainEvent, DateTimeOffset now);
}
