namespace Reseller.Web.Api;

/// <summary>A closed month of commissions with its lines: what each account's paid invoice earned (or a credit note took back).</summary>
public sealed record CommissionStatementDetail(string Id, string Month, Money Total, int LineCount, string Status, IReadOnlyList<Earning>? Lines, Money? CarriedIn = null);
