using System.Diagnostics;

using Microsoft.Playwright;

using Reseller.AppHost;
using Reseller.Testing.AssemblyFixtures;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.OpsConsole;

/// <summary>
/// Issue 15, must hold 2: a Billing replica killed from outside shows Exited in the console's resources within 2 s, and restarting
/// it from the console brings it back healthy. The shared system's Billing is started again whatever happens, for the tests after.
/// </summary>
[RunsAlone]
public sealed class ConsoleResourcesTests(WebSystem web)
{
    private static readonly string Billing = ResellerResources.Billing.Name;

    [Fact]
    public async Task A_killed_billing_replica_shows_exited_and_comes_back_healthy_when_restarted_from_the_console()
    {
        var app = web.System.App;
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await ConsoleSignIn.SignInAsync(web, browser);
        var row = page.Locator($"tr[data-resource='{Billing}-0']");
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("Running");
        await Expect(row.Locator("[data-health]")).ToHaveTextAsync("Healthy");
        await browser.CheckPageAsync("console-resources");

        try
        {
            var pid = app.ResourceDetails().Single(r => r.Name == $"{Billing}-0").Pid!.Value;
            var killed = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(pid))
            {
                process.Kill();
            }
            while (!app.ResourceDetails().Single(r => r.Name == $"{Billing}-0").State.StartsWith("Exited", StringComparison.Ordinal))
            {
                Assert.True(killed.Elapsed < TimeSpan.FromSeconds(2), "the killed replica was not seen exited within 2 s");
                await Task.Delay(20); // Not Eventually: the deadline is the assertion (seen within 2 s), so it polls finer than 100 ms.
            }
            // The page refreshes its table every second.
            await Expect(row.Locator("[data-state]")).ToContainTextAsync("Exited");
            await Expect(row.Locator("[data-health]")).ToHaveTextAsync("-");

            await row.GetByRole(AriaRole.Button, new() { Name = $"Restart {Billing}-0", Exact = true }).ClickAsync();
            await Expect(row.Locator("[data-state]")).ToHaveTextAsync("Running", new() { Timeout = 120_000 });
            await Expect(row.Locator("[data-health]")).ToHaveTextAsync("Healthy");
            await Expect(row.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("1");
        }
        finally
        {
            // A restarted instance takes the platform's sandbox time from its peers before it serves (SandboxClockTests).
            await app.StartProjectAsync(Billing, 0);
        }

        await row.GetByRole(AriaRole.Link, new() { Name = $"{Billing}-0", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{Billing}-0", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reseller__AdminKey" })).ToContainTextAsync("••••••••");
        await Expect(page.GetByText(app.AdminKey)).ToHaveCountAsync(0);
        await browser.CheckPageAsync("console-resource");

        await page.GetByRole(AriaRole.Link, new() { Name = "Console", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Console logs", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Console lines" }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await browser.CheckPageAsync("console-logs");

        await page.GetByRole(AriaRole.Link, new() { Name = "Metrics", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Metrics", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("figure.chart svg").First).ToBeVisibleAsync();
        await browser.CheckPageAsync("console-metrics");
    }
}
