using Reseller.WebTests.Infrastructure;

namespace Reseller.WebTests.Accessibility;

/// <summary>The page checks lean on <see cref="AxeCheck"/>: it must refuse what axe calls serious or critical, and only that.</summary>
public sealed class AxeCheckTests(WebSystem web)
{
    [Fact]
    public async Task Serious_and_critical_violations_are_refused_on_every_run_of_the_same_document()
    {
        await using var session = await web.OpenAsync();
        await session.Page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:,"><button></button></main></body></html>
            """);

        var first = await AxeCheck.RefusedViolationsAsync(session.Page);
        var second = await AxeCheck.RefusedViolationsAsync(session.Page);

        Assert.Contains(first, line => line.StartsWith("critical image-alt:", StringComparison.Ordinal) && line.EndsWith("img", StringComparison.Ordinal));
        Assert.Contains(first, line => line.StartsWith("critical button-name:", StringComparison.Ordinal));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_page_with_only_minor_findings_passes()
    {
        await using var session = await web.OpenAsync();
        // No main landmark and no h1: axe reports these as moderate, which the checks let through.
        await session.Page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Plain</title></head><body><p>Plain text.</p></body></html>
            """);

        Assert.Empty(await AxeCheck.RefusedViolationsAsync(session.Page));
    }
}
