using Microsoft.Playwright;

using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.OpsConsole;

/// <summary>Opens the AppHost's ops console in the browser and signs in with the token the AppHost printed.</summary>
public static class ConsoleSignIn
{
    public static async Task<string> SignInAsync(WebSystem web, BrowserSession browser)
    {
        var console = web.System.App.ConsoleUrl!.ToString().TrimEnd('/');
        var page = browser.Page;
        await page.GotoAsync(console + "/traces");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the console", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Token", new() { Exact = true }).FillAsync(web.System.App.ConsoleAccess.Token!);
        await Forms.SubmitStaticAsync(page, "Sign in", "/login/session");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resources", Exact = true })).ToBeVisibleAsync();
        return console;
    }
}
