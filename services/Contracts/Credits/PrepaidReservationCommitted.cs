namespace Reseller.Contracts.Credits;

/// <summary>Billing settled the invoice with the reserved prepaid credit: the held amount is spent for good.</summary>
public sealed record PrepaidReservationCommitted(Guid ReservationId, Guid PartnerId, Guid InvoiceId, long Amount, DateTimeOffset CommittedAt);
