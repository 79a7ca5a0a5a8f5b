using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.DomainEvents;

/// <summary>What <see cref="DomainEventDispatcher"/> calls for every event; implement it through <see cref="DomainEventRecorder{TEvent}"/>.</summary>
public interface IDomainEventRecorder
{
    void Handle(DbContext db, IDomainEvent domainEvent, DateTimeOffset now);
}
