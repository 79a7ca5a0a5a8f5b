using System.Net;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class PartnerSettingsTests(WebSystem web)
{
    [Fact]
    public async Task An_owner_sets_the_paypal_email_copies_the_referral_link_and_reads_the_months_earnings()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        await using var browser = await web.OpenAsync();
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);

        await page.GotoAsync("/commissions");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commissions", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("month-total")).ToHaveTextAsync("$0.00");
        await Expect(page.GetByText("No statement yet", new() { Exact = false })).ToBeVisibleAsync();
        await browser.CheckPageAsync("commissions");

        // Earnings by month: the current month is the latest; an earlier one opens the way forward again.
        var nextMonth = page.GetByRole(AriaRole.Button, new() { Name = "Next month", Exact = true });
        await Expect(nextMonth).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous month", Exact = true }).ClickAsync();
        await Expect(nextMonth).ToBeEnabledAsync();
        await Expect(page.GetByText("No earnings this month.")).ToBeVisibleAsync();

        var paypal = $"payouts-{Guid.NewGuid():N}@agency.test";
        await page.GetByLabel("PayPal e-mail", new() { Exact = true }).FillAsync(paypal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the PayPal e-mail", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Commissions will be paid to {paypal}." })).ToBeVisibleAsync();

        var referral = page.GetByRole(AriaRole.Region, new() { Name = "Referral link", Exact = true });
        var link = (await referral.Locator(".secret").InnerTextAsync()).Trim();
        Assert.StartsWith("http", link, StringComparison.Ordinal);
        await referral.GetByRole(AriaRole.Button, new() { Name = "Copy the link", Exact = true }).ClickAsync();
        await Expect(referral.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied.");
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await browser.CheckPageAsync("commissions-paypal-saved");

        var me = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(paypal, me["paypal_email"]!.GetValue<string>());
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task An_owner_saves_branding_and_a_template_as_account_defaults_and_edits_the_profile()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);

        await page.GotoAsync("/settings/account-defaults");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account defaults", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("No template yet.")).ToBeVisibleAsync();
        await browser.CheckPageAsync("account-defaults");

        await page.GetByLabel("App name", new() { Exact = true }).FillAsync("Agency Mail");
        await page.GetByLabel("Footer", new() { Exact = true }).FillAsync("Sent by Agency Mail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a template", Exact = true }).ClickAsync();
        var template = page.GetByRole(AriaRole.Group, new() { Name = "Template 1", Exact = true });
        await template.GetByLabel("Name", new() { Exact = true }).FillAsync("Welcome");
        await template.GetByLabel("Tags", new() { Exact = true }).FillAsync("onboarding, welcome");
        await template.GetByLabel("HTML", new() { Exact = true }).FillAsync("<h1>Welcome</h1>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the defaults", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The defaults are saved." })).ToBeVisibleAsync();
        await browser.CheckPageAsync("account-defaults-saved");

        var defaults = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, "/api/v1/settings/account-defaults", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("Agency Mail", defaults["branding"]!["app_name"]!.GetValue<string>());
        var saved = defaults["templates"]!.AsArray().Single()!;
        Assert.Equal("Welcome", saved["name"]!.GetValue<string>());
        Assert.Equal(["onboarding", "welcome"], saved["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        await page.GotoAsync("/profile");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profile", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("profile");
        await page.GetByLabel("Agency name", new() { Exact = true }).FillAsync("Renamed Agency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the profile", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The profile is saved." })).ToBeVisibleAsync();
        var me = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("Renamed Agency", me["name"]!.GetValue<string>());

        // The language choice is the browser's: the page comes back in French.
        await page.GetByLabel("Dashboard language", new() { Exact = true }).SelectOptionAsync("fr");
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Use this language", Exact = true }).ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/profile" && r.Request.Method == "GET");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profil", Exact = true })).ToBeVisibleAsync();
        await EnglishTexts.AssertNoneOnAsync(page);
        await browser.CheckPageAsync("profile-fr");
    }

    [Fact]
    public async Task A_partner_filters_its_invoices_by_status_and_account_and_reads_its_credit_notes()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await api.CreateSettledAccountAsync(partner, card);
        var accountId = account["id"]!.GetValue<string>();
        var invoice = (await api.InvoicesOfAsync(partner, accountId)).Single()!;
        var number = invoice["number"]!.GetValue<string>();
        var note = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, $"/api/v1/admin/billing/invoices/{invoice["id"]!.GetValue<string>()}/credit-notes",
            new { amount = 500, reason = "Goodwill for an outage" }, asOperator: true), HttpStatusCode.Created);

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync("/billing");
        await Forms.WaitForInteractivityAsync(page);
        var invoices = page.GetByRole(AriaRole.Region, new() { Name = "Invoices", Exact = true });
        await Expect(invoices.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        var notes = page.GetByRole(AriaRole.Region, new() { Name = "Credit notes", Exact = true });
        var noteRow = notes.GetByRole(AriaRole.Row).Filter(new() { HasText = note["number"]!.GetValue<string>() });
        await Expect(noteRow).ToContainTextAsync("Goodwill for an outage");
        await Expect(noteRow).ToContainTextAsync("$5.00");
        await Expect(noteRow.GetByRole(AriaRole.Link, new() { Name = $"{number}, credited by {note["number"]!.GetValue<string>()}", Exact = true })).ToBeVisibleAsync();
        // At phone width the note's amount shows whole, under its column's name, instead of off the screen.
        await PhoneLayout.AtPhoneWidthAsync(page, () => PhoneLayout.AssertWhollyInsideAsync(noteRow.GetByRole(AriaRole.Cell).Filter(new() { HasText = "$5.00" }), notes));

        await invoices.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("void");
        await invoices.GetByRole(AriaRole.Button, new() { Name = "Show invoices", Exact = true }).ClickAsync();
        await Expect(invoices.GetByText("No invoice matches these filters.")).ToBeVisibleAsync();

        await invoices.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(invoice["status"]!.GetValue<string>());
        await invoices.GetByLabel("Account", new() { Exact = true }).SelectOptionAsync(accountId);
        await invoices.GetByRole(AriaRole.Button, new() { Name = "Show invoices", Exact = true }).ClickAsync();
        await Expect(invoices.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        await Expect(invoices.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync(account["name"]!.GetValue<string>());
        await browser.CheckPageAsync("billing-invoices-filtered");

        // The credited invoice's own page: what it billed, line by line, what was credited, and the note's document.
        await noteRow.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {number}", Exact = true })).ToBeVisibleAsync();
        var lines = page.GetByRole(AriaRole.Region, new() { Name = "What is billed", Exact = true });
        var firstLine = invoice["lines"]!.AsArray()[0]!;
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = firstLine["description"]!.GetValue<string>() })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("invoice-credited")).ToHaveTextAsync("$5.00");
        var invoiceNotes = page.GetByRole(AriaRole.Region, new() { Name = "Credit notes", Exact = true });
        await Expect(invoiceNotes.GetByRole(AriaRole.Row).Filter(new() { HasText = note["number"]!.GetValue<string>() })).ToContainTextAsync("Goodwill for an outage");
        await browser.CheckPageAsync("invoice-credited");
        var download = await page.RunAndWaitForDownloadAsync(() => invoiceNotes
            .GetByRole(AriaRole.Link, new() { Name = $"Download {note["number"]!.GetValue<string>()} as a PDF", Exact = true }).ClickAsync());
        Assert.Equal("%PDF-", await Downloads.HeadAsync(download, 5));
        browser.AssertNoProblems();
    }
}
