using System.Globalization;

namespace Reseller.SystemBenchmark;

/// <summary>What a closed-loop load produced: completed operations, failures, the wall time and every latency (sorted).</summary>
public sealed record LoadResult(int Completed, int Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond:F0}/s ({Completed:N0} ok, {Failed:N0} failed in {Elapsed.TotalSeconds:F1} s), p50 {P50:F1} ms, p99 {P99:F1} ms");
}
