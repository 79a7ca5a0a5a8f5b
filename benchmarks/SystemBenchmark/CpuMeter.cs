using System.Globalization;

namespace Reseller.SystemBenchmark;

/// <summary>
/// CPU seconds of named process groups read when a measured load starts and again when it ends, as milliseconds per
/// operation: a figure that a busy, shared machine disturbs far less than a rate.
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, Func<double>> groups)
{
    private Dictionary<string, double> started = [];

    public void Start() => started = groups.ToDictionary(group => group.Key, group => group.Value());

    public string PerOperation(int operations) => string.Join(", ", groups.Select(group => string.Create(CultureInfo.InvariantCulture,
        $"{group.Key} {(group.Value() - started[group.Key]) * 1000 / Math.Max(1, operations):F2} ms")));
}
