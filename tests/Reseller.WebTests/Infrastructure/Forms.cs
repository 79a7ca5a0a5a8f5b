using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>What a person does on a form, found by label and role.</summary>
public static class Forms
{
    /// <summary>Submits a static (not interactive) form and waits for the server's answer to it, so the next check reads the new page.</summary>
    public static async Task SubmitStaticAsync(IPage page, string button, string path)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == path);
        await page.WaitForLoadStateAsync(LoadState.Load);
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
