namespace Reseller.Credits.Purchases;

/// <summary>
/// Where a purchase stands, as Billing's events for its invoice say: pending until charged, failed while its invoice is
/// unpaid after a refused charge, completed once paid and credited (final: a late failure never undoes it).
/// </summary>
public enum PurchaseStatus
{
    Pending,
    Failed,
    Completed,
}
