using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed partial class PartnerSignInTests(WebSystem web)
{
    [Fact]
    public async Task A_locked_out_partner_sees_the_time_left_then_a_mailed_link_sets_a_new_password_once()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        await using var browser = await web.OpenAsync();
        var page = browser.Page;

        await browser.GotoAsync("/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partner sign in" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("partner-signin");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(page, partner.Email, $"wrong password {attempt}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }
        // The lock holds even for the right password, and says how long it lasts.
        await SignInAsync(page, partner.Email, partner.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(LockedOutWithTimeLeft());
        await browser.CheckPageAsync("partner-signin-locked");

        await page.GetByRole(AriaRole.Link, new() { Name = "Forgotten password?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgotten password" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("partner-forgot-password");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(partner.Email);
        await Forms.SubmitStaticAsync(page, "Send the link", "/partner/forgot-password");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("a link to choose a new password is on its way");

        var mail = (await MailFolder.WaitForMailsAsync(partner.Email, "Reset your password", 1, TimeSpan.FromSeconds(60))).Single();
        var resetPage = $"/partner/password-reset?token={MailFolder.TokenFrom(mail)}";
        await browser.GotoAsync(resetPage);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("partner-password-reset");
        const string newPassword = "a brand new passphrase";
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await Forms.SubmitStaticAsync(page, "Save the new password", "/partner/password-reset");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your new password is saved");

        await Forms.SignInPartnerAsync(page, partner.Email, newPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Paid accounts", new() { Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("partner-home");

        // The same mailed link again: spent.
        await browser.GotoAsync(resetPage);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("yet another passphrase");
        await Forms.SubmitStaticAsync(page, "Save the new password", "/partner/password-reset");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link was already used");
        await browser.CheckPageAsync("partner-password-reset-used");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Forms.SubmitStaticAsync(page, "Sign in", "/signin");
    }

    [GeneratedRegex(@"locked\. Try again in (\d+ min )?\d+ s")]
    private static partial Regex LockedOutWithTimeLeft();
}
