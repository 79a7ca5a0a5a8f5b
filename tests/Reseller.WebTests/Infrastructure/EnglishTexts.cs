using System.Text.RegularExpressions;
using System.Xml.Linq;

using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>
/// The dashboard's English texts that French says otherwise (from its resource files): none of them may show on a page in
/// French.
/// </summary>
public static class EnglishTexts
{
    private static readonly Lazy<List<Regex>> Patterns = new(Load);

    public static async Task AssertNoneOnAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        // Words quoted from an issued document (translate="no") stay in the document's language.
        foreach (var quoted in await page.Locator("[translate=no]").AllInnerTextsAsync())
        {
            var at = text.IndexOf(quoted, StringComparison.Ordinal);
            text = at < 0 ? text : text.Remove(at, quoted.Length);
        }
        var found = Patterns.Value.Where(p => p.IsMatch(text)).Select(p => p.ToString()).ToList();
        Assert.True(found.Count == 0, $"English text on {page.Url}: {string.Join(" | ", found)}");
    }

    private static List<Regex> Load()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "services", "Web", "Localization");
        var english = Read(Path.Combine(folder, "Texts.resx"));
        var french = Read(Path.Combine(folder, "Texts.fr.resx"));
        return english
            .Where(e => french.TryGetValue(e.Key, out var fr) && fr != e.Value)
            // The longest fixed part of a text with placeholders, when long enough to be telling.
            .Select(e => Regex.Split(e.Value, @"\{\d+\}").OrderByDescending(p => p.Trim().Length).First().Trim())
            .Where(fragment => fragment.Length >= 4)
            .Distinct()
            .Select(fragment => new Regex(@"(?<!\w)" + Regex.Escape(fragment) + @"(?!\w)", RegexOptions.CultureInvariant))
            .ToList();
    }

    private static Dictionary<string, string> Read(string path) => XDocument.Load(path).Root!.Elements("data")
        .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
}
