using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Reseller.ServiceDefaults.DomainEvents;

/// <summary>
/// Raised by the unit of work itself, after the aggregates' own events, for each aggregate whose row or owned parts it
/// saves changed: which columns changed is known to EF's change tracker, not to the aggregate (an audit of every change).
/// </summary>
public sealed record AggregateModified(AggregateRoot Aggregate, EntityEntry Entry) : IDomainEvent;
