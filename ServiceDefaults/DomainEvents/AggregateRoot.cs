using System.ComponentModel.DataAnnotations.Schema;

namespace Reseller.ServiceDefaults.DomainEvents;

/// <summary>
/// An entity whose rules raise domain events as they run (as eShop's <c>Order</c> does). The events live only in memory:
/// <see cref="DomainEventDispatcher"/> hands them to their recorders in the SaveChanges that saves the aggregate, so what
/// the recorders add (outbox messages, audit lines) commits or rolls back with it.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> raised = [];

    [NotMapped]
    public IReadOnlyList<IDomainEvent> DomainEvents => raised;

    public void ClearDomainEvents() => raised.Clear();

    protected void Raise(IDomainEvent domainEvent) => raised.Add(domainEvent);
}
