using Deque.AxeCore.Commons;

using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>
/// Runs axe-core in the page and returns its serious and critical violations, one line each.
/// </summary>
/// <remarks>
/// Deque's Playwright wrapper injects the ~600 KB axe source twice per run and opens a fresh page in a new browser
/// context to merge the results: 1.5–7.5 s a run, half the browser tests' ten minutes. Our pages have no frames, so one
/// injection per document (about 1 s; Blazor's enhanced navigation keeps it across pages) and one <c>axe.run</c>
/// (0.1–0.7 s) give the same verdict, and only the refused violations cross back to .NET.
/// </remarks>
internal static class AxeCheck
{
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunScript = """
        async () => {
          const results = await window.axe.run(document, { resultTypes: ['violations'] });
          return results.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    public static async Task<IReadOnlyList<string>> RefusedViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }
        return await page.EvaluateAsync<string[]>(RunScript);
    }
}
