using System.Globalization;
using System.Text.RegularExpressions;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>The samples of one or more Prometheus text scrapes (a service's replicas' /metrics), summed by name and labels.</summary>
public sealed partial class MetricsScrape(IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples)
{
    /// <summary>The scrapes of every instance of <paramref name="service"/> in the system, together.</summary>
    public static async Task<MetricsScrape> OfAsync(ResellerSystem system, string service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var samples = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        for (var replica = 0; replica < system.App.ReplicasOf(service); replica++)
        {
            var text = await http.GetStringAsync(new Uri(system.App.GetEndpoint(service, replica), "/metrics"));
            samples.AddRange(Parse(text));
        }
        return new MetricsScrape(samples);
    }

    public bool Has(string name) => samples.Any(s => s.Name == name);

    /// <summary>The sum of the samples of this name whose labels include every given one.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    public string Names => string.Join(", ", samples.Select(s => s.Name).Where(n => n.StartsWith("reseller_", StringComparison.Ordinal)).Distinct());

    private static IEnumerable<(string, IReadOnlyDictionary<string, string>, double)> Parse(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, CultureInfo.InvariantCulture),
            };
            yield return (match.Groups["name"].Value, labels, value);
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
