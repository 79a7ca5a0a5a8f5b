namespace Reseller.Credits.Prepaid;

public enum ReservationStatus
{
    Held,
    Committed,
    Released,
}
