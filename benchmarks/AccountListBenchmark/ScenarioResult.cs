using System.Globalization;

namespace Reseller.AccountListBenchmark;

public sealed record ScenarioResult(string Title, int Pages, double P50, double P99, double Max)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Title,-52} {Pages,6} {P50,8:F1} {P99,8:F1} {Max,8:F1}");
}
