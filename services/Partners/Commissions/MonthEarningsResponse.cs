using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Commissions;

/// <summary>A month's earnings so far (or as closed), with their total and the statement once the month is closed.</summary>
public sealed record MonthEarningsResponse(string Month, MoneyAmount Total, string? StatementId, IReadOnlyList<EarningResponse> Data);
