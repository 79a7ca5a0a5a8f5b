namespace Reseller.Web.Api;

/// <summary>A closed month of a partner's commissions: pending payout, held (no PayPal e-mail) or paid.</summary>
public sealed record CommissionStatement(
    string Id,
    string PartnerId,
    string Month,
    Money Total,
    int LineCount,
    string Status,
    string? PayoutReference,
    DateTimeOffset? PaidAt,
    DateTimeOffset ClosedAt);
