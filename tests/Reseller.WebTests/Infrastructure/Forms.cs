using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>What a person does on a form, found by label and role.</summary>
public static class Forms
{
    /// <summary>
    /// Submits a static (not interactive) form and waits for the page it leads to (the post's own answer, or the page its
    /// redirect names), so the next check reads the new page. Not the load event after the post's answer: one that fired
    /// between Playwright's look at the frame's load states and its subscription was missed, and the wait timed out on a
    /// page long loaded (the console's sign-in, once).
    /// </summary>
    public static async Task SubmitStaticAsync(IPage page, string button, string path)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(),
            r => r.Frame == page.MainFrame && r.Request.IsNavigationRequest && r.Status is < 300 or >= 400 && IsAnswerToPost(r.Request, path));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    private static bool IsAnswerToPost(IRequest request, string path)
    {
        var first = request;
        while (first.RedirectedFrom is { } earlier)
        {
            first = earlier;
        }
        return first.Method == "POST" && new Uri(first.Url).AbsolutePath == path;
    }

    /// <summary>Signs a partner in on the sign-in page and waits for its dashboard.</summary>
    public static async Task SignInPartnerAsync(IPage page, string email, string password, string emailLabel = "E-mail", string passwordLabel = "Password", string button = "Sign in")
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel(emailLabel, new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(passwordLabel, new() { Exact = true }).FillAsync(password);
        await SubmitStaticAsync(page, button, "/signin");
    }

    /// <summary>Waits until the page's interactive circuit is up, so clicks reach their handlers.</summary>
    public static Task WaitForInteractivityAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.documentElement.dataset.interactive === 'true'");
}
