using System.Net;

using Microsoft.Playwright;

using Reseller.Testing;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class ApiKeyTests(WebSystem web)
{
    [Fact]
    public async Task A_partner_creates_an_api_key_copies_it_once_and_revokes_it_then_the_key_gets_401()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        await using var browser = await web.OpenAsync();
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);

        await page.GotoAsync("/api-keys");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("api-keys");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("CI pipeline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key", Exact = true }).ClickAsync();
        var shown = page.GetByRole(AriaRole.Region, new() { Name = "Your new key “CI pipeline”" });
        await Expect(shown).ToBeVisibleAsync();
        var key = (await shown.Locator(".secret").InnerTextAsync()).Trim();
        Assert.StartsWith("rsk_", key, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the key", Exact = true }).ClickAsync();
        await Expect(shown.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied.");
        Assert.Equal(key, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await browser.CheckPageAsync("api-key-created");

        using (var works = await api.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: key))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        // Listed, never shown again.
        await page.GotoAsync("/api-keys");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "CI pipeline", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(key)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key CI pipeline", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The key CI pipeline is revoked." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "CI pipeline", Exact = true })).ToHaveCountAsync(0);
        // A key existed: the list says none is active, not that there never was one.
        await Expect(page.GetByText("No active key.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("No key yet.")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("api-key-revoked");

        // The gateway may remember the key's last answer for a moment (ApiKeyVerifier.CacheFor): bounded wait for the refusal.
        var status = await Eventually.ReadAsync(
            async () =>
            {
                using var answer = await api.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: key);
                return answer.StatusCode;
            },
            refused => refused == HttpStatusCode.Unauthorized,
            Eventually.Propagation);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
