using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>What a page at phone width keeps readable: a cell wholly inside its section, a number on one line.</summary>
public static class PhoneLayout
{
    /// <summary>Runs the checks at phone width, then gives the page its desktop width back.</summary>
    public static async Task AtPhoneWidthAsync(IPage page, Func<Task> checks)
    {
        await page.SetViewportSizeAsync(BrowserSession.Phone.Width, BrowserSession.Phone.Height);
        try
        {
            await checks();
        }
        finally
        {
            await page.SetViewportSizeAsync(BrowserSession.Desktop.Width, BrowserSession.Desktop.Height);
        }
    }

    /// <summary>The element is not cut off: it lies within the section (and so the screen) from its left edge to its right.</summary>
    public static async Task AssertWhollyInsideAsync(ILocator element, ILocator section)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not laid out.");
        var within = await section.BoundingBoxAsync() ?? throw new InvalidOperationException("The section is not laid out.");
        Assert.True(box.X >= within.X - 0.5 && box.X + box.Width <= within.X + within.Width + 0.5,
            $"Cut off at phone width: the element spans {box.X:0}–{box.X + box.Width:0} px, its section {within.X:0}–{within.X + within.Width:0} px.");
        Assert.True(box.X + box.Width <= BrowserSession.Phone.Width, $"Off the {BrowserSession.Phone.Width} px screen: the element ends at {box.X + box.Width:0} px.");
    }

    /// <summary>The text is not broken over lines (an inline element has one box per line it is on).</summary>
    public static async Task AssertOneLineAsync(ILocator element) =>
        Assert.Equal(1, await element.EvaluateAsync<int>("e => e.getClientRects().length"));
}
