namespace Reseller.Web.Api;

/// <summary>
/// A closed month of a partner's commissions: pending payout, held (no PayPal e-mail), processing, paid, or carried forward
/// (it closed negative and a later statement nets it).
/// </summary>
public sealed record CommissionStatement(
    string Id,
    string PartnerId,
    string Month,
    Money Total,
    int LineCount,
    string Status,
    string? PayoutReference,
    DateTimeOffset? PaidAt,
    DateTimeOffset ClosedAt)
{
    /// <summary>Only a pending statement with something to pay can be paid out.</summary>
    public bool Payable => Status == "pending" && Total.Amount > 0;
}
