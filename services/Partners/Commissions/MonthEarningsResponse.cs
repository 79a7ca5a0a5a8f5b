using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Commissions;

/// <summary>A month's earnings so far (or as closed), one page of them, with the whole month's total and the statement once closed.</summary>
public sealed record MonthEarningsResponse(string Month, MoneyAmount Total, string? StatementId, IReadOnlyList<EarningResponse> Data, string? NextPageToken);
