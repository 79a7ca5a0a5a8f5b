using System.Collections.Concurrent;

using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>
/// One browser context (its own cookies) with one page, recording every console error and failed request, and checking
/// each page the test visits: accessibility, errors, and a screenshot at desktop and phone width.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly ConcurrentQueue<string> problems = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.problems.Enqueue($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => session.problems.Enqueue($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A navigation cancels what the previous page had in flight: that is the browser moving on, not a failure.
            if (request.Failure is not "net::ERR_ABORTED")
            {
                session.problems.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session.problems.Enqueue($"request answered {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return session;
    }

    public Task GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>
    /// The checks every visited page passes: no serious or critical axe violation at desktop and phone width, no console error
    /// and no failed request so far; screenshots of both widths are saved as <paramref name="name"/>-desktop.png and -phone.png.
    /// </summary>
    public async Task CheckPageAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await AssertAccessibleAsync(name, "desktop");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-desktop.png"), FullPage = true });
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        try
        {
            await AssertAccessibleAsync(name, "phone");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-phone.png"), FullPage = true });
        }
        finally
        {
            await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        }
        AssertNoProblems();
    }

    public void AssertNoProblems() => Assert.True(problems.IsEmpty, "The browser saw problems:\n" + string.Join('\n', problems));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private async Task AssertAccessibleAsync(string name, string width)
    {
        var refused = await AxeCheck.RefusedViolationsAsync(Page);
        Assert.True(refused.Count == 0, $"{name} ({width}) has accessibility violations:\n" + string.Join('\n', refused));
    }
}
