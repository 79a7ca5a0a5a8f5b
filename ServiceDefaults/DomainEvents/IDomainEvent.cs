namespace Reseller.ServiceDefaults.DomainEvents;

/// <summary>Something that happened to an aggregate, raised by its own rules and handled in the SaveChanges that saves it.</summary>
public interface IDomainEvent;
