namespace Reseller.Contracts.Credits;

/// <summary>
/// The answer to <see cref="ReservePrepaidCredit"/>: how much is held (0 when none is available or the reservation was
/// already released). Billing then commits or releases the reservation; Credits releases one left open for 15 minutes.
/// </summary>
public sealed record PrepaidCreditReserved(Guid ReservationId, long Amount, string Currency);
