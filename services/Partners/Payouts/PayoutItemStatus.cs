namespace Reseller.Partners.Payouts;

public enum PayoutItemStatus
{
    /// <summary>Not settled yet (pending, on hold, unprocessed, unclaimed and still claimable): asked again later.</summary>
    Pending,

    /// <summary>The money reached the receiver.</summary>
    Succeeded,

    /// <summary>Failed, returned (unclaimed for 30 days), blocked, refunded, reversed or denied: the statement is to pay again.</summary>
    Failed,
}
