using System.Globalization;

namespace Reseller.CreditsBenchmark;

public sealed record ConsumptionResult(string Scenario, int Accounts, int Requests, double Seconds, double P50Ms, double P99Ms, int Refused, bool LedgerMatches)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario,-16}  {Accounts,8}  {Requests,8}  {Seconds,7:F2}  {Requests / Seconds,14:F0}  {P50Ms,6:F1}  {P99Ms,6:F1}  {Refused,7}  {LedgerMatches}");
}
