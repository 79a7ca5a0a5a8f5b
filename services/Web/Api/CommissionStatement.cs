namespace Reseller.Web.Api;

/// <summary>A partner's monthly commission statement, in the operator's payout queue.</summary>
public sealed record CommissionStatement(string Id, string PartnerId, string Month, Money Total, int LineCount, string Status,
    string? PayoutReference, DateTimeOffset? PaidAt, DateTimeOffset ClosedAt);
