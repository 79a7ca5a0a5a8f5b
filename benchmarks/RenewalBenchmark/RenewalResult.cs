using System.Globalization;

namespace Reseller.RenewalBenchmark;

public sealed record RenewalResult(int Replicas, int Accounts, double Seconds, double P50Seconds, double P99Seconds, double ChargeP99Milliseconds, long Duplicates, long Missed)
{
    /// <summary>CPU of each process group during the run, per renewal: what bounds the rate on a machine shared with others.</summary>
    public string CpuPerRenewal { get; init; } = "";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Replicas,8}  {Accounts,8}  {Seconds,7:F1}  {Accounts / Seconds,10:F0}  {P50Seconds,5:F1}  {P99Seconds,5:F1}  {ChargeP99Milliseconds,13:F0}  {Duplicates,10}  {Missed,6}  {CpuPerRenewal}");
}
