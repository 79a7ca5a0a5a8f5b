using System.Globalization;

namespace Reseller.SystemBenchmark;

/// <summary>The closing table: each figure beside the machine baseline measured in the same run, their ratio, and the target.</summary>
public sealed class Report
{
    private readonly List<(string Flow, string Figure, string Baseline, string Ratio, string Target, string Verdict)> rows = [];

    public void Add(string flow, string figure, string baseline, double? ratio, string target, bool? met) =>
        rows.Add((flow, figure, baseline, ratio is { } r ? r.ToString("F3", CultureInfo.InvariantCulture) : "-", target, met switch
        {
            true => "met",
            false => "MISSED",
            null => "-",
        }));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| flow | figure | machine baseline (same run) | ratio | target | |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Flow} | {row.Figure} | {row.Baseline} | {row.Ratio} | {row.Target} | {row.Verdict} |");
        }
    }
}
