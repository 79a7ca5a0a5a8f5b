namespace Reseller.SystemBenchmark;

/// <summary>How long each row is loaded: the full run holds the 60 s of creates; the quick one fits in about two minutes.</summary>
public sealed record BenchmarkMode(string Name, TimeSpan CreateDuration, TimeSpan ReadDuration, TimeSpan BaselineDuration, TimeSpan IdleWait,
    int Renewals, int CreditRequests, bool MeasureWarmStart)
{
    public static BenchmarkMode Quick { get; } = new("quick", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(3),
        TimeSpan.FromSeconds(5), 0, 0, MeasureWarmStart: false);

    public static BenchmarkMode Full { get; } = new("full", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(8),
        TimeSpan.FromSeconds(20), 100_000, 5_000, MeasureWarmStart: true);

    public static BenchmarkMode From(string[] args) => args.Contains("--quick", StringComparer.Ordinal) ? Quick : Full;
}
