using Microsoft.Playwright;

using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class OperatorTests(WebSystem web)
{
    [Fact]
    public async Task The_operator_signs_in_with_its_key_and_creates_a_partner_who_can_then_sign_in()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync("/operator/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operator sign in", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-signin");
        await page.GetByLabel("Operator key", new() { Exact = true }).FillAsync(web.System.AdminKey);
        await Forms.SubmitStaticAsync(page, "Sign in", "/operator/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operator", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);

        var email = $"owner-{Guid.NewGuid():N}@agency.test";
        const string password = "first passphrase";
        await page.GetByLabel("Agency name", new() { Exact = true }).FillAsync("Agence Web");
        await page.GetByLabel("Owner's e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Owner's first password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the partner", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Partner Agence Web created." })).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-home");

        await using var partnerBrowser = await web.OpenAsync();
        await Forms.SignInPartnerAsync(partnerBrowser.Page, email, password);
        await Expect(partnerBrowser.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        partnerBrowser.AssertNoProblems();
    }

    [Fact]
    public async Task A_wrong_operator_key_is_refused_and_the_customer_sign_in_page_is_ready()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/operator/signin");
        await page.GetByLabel("Operator key", new() { Exact = true }).FillAsync("not the key");
        await Forms.SubmitStaticAsync(page, "Sign in", "/operator/signin");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This key is not accepted.");

        await page.GotoAsync("/account/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer sign in", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("customer-signin");
    }
}
