using System.Text.RegularExpressions;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>
/// The secrets one flow used (card number, passwords, one-time tokens), and where each was found. The CVC is searched only
/// next to a card-code word (<c>"cvc":"739"</c>, <c>Cvv=739</c>): three digits alone occur by chance in ids, hashes, amounts and
/// timestamps, so a bare search would report noise, while a stored or logged CVC almost always sits beside its field name.
/// </summary>
public sealed partial class FlowSecrets
{
    public const string Cvc = "739";

    /// <summary>PostgreSQL's spelling of <see cref="CvcInCardContext"/>.</summary>
    public const string CvcPattern = "(cvc|cvv|cvn|csc|security.?code)[^0-9a-z]{0,12}" + Cvc + "([^0-9]|$)";

    private readonly List<(string Label, string Value)> secrets = [];
    private readonly SortedDictionary<string, (int Count, string Example)> found = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Label, string Value)> All => secrets;

    public IReadOnlyCollection<string> Findings => found.Select(f => $"{f.Key} ×{f.Value.Count}, e.g. …{f.Value.Example}…").ToList();

    public string Add(string label, string value)
    {
        Assert.True(value.Length >= 8, $"The {label} is too short to be searched without noise.");
        if (!secrets.Any(s => s.Value == value))
        {
            secrets.Add((label, value));
        }
        return value;
    }

    /// <summary>Records every secret <paramref name="text"/> holds, as found at <paramref name="place"/>.</summary>
    public void Search(string place, string text)
    {
        foreach (var (label, value) in secrets)
        {
            var at = text.IndexOf(value, StringComparison.Ordinal);
            if (at >= 0)
            {
                Record($"{place}: {label}", text, at, value.Length);
            }
        }
        if (CvcInCardContext().Match(text) is { Success: true } cvc)
        {
            Record($"{place}: the CVC", text, cvc.Index, cvc.Length);
        }
    }

    private void Record(string key, string text, int at, int length)
    {
        var start = Math.Max(0, at - 60);
        var example = Printable().Replace(text[start..Math.Min(text.Length, at + length + 40)], "·");
        found[key] = found.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, example);
    }

    [GeneratedRegex(CvcPattern, RegexOptions.IgnoreCase)]
    private static partial Regex CvcInCardContext();

    [GeneratedRegex(@"[^\x20-\x7E]+")]
    private static partial Regex Printable();
}
