namespace Reseller.Contracts.Credits;

/// <summary>
/// Billing did not use the reserved prepaid credit (the card failed, or the reservation answer came too late): the held
/// amount returns to where it came from. A release that arrives before its reservation makes that reservation hold nothing.
/// </summary>
public sealed record PrepaidReservationReleased(Guid ReservationId, Guid PartnerId, DateTimeOffset ReleasedAt);
