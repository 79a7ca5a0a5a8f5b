namespace Reseller.Web.Api;

public sealed record MonthEarnings(string Month, Money Total, string? StatementId, IReadOnlyList<Earning> Data, string? NextPageToken);
