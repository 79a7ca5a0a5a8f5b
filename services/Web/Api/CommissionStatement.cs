namespace Reseller.Web.Api;

/// <summary>A closed month of commissions: pending payout, held (no PayPal e-mail) or paid.</summary>
public sealed record CommissionStatement(
    string Id,
    string Month,
    Money Total,
    int LineCount,
    string Status,
    string? PayoutReference,
    DateTimeOffset? PaidAt,
    DateTimeOffset ClosedAt);
