using System.Globalization;

namespace Reseller.AccountsPageBenchmark;

public sealed record PageResult(int Requests, int RowsPerPage, double P50, double P95, double P99, double Max)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GET /accounts: {Requests} renders of {RowsPerPage} rows; p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms");
}
