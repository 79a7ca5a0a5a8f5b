using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

/// <summary>
/// A partner signs in, adds card 4242…, creates a paid account after seeing its quote, sees it turn active without a reload,
/// opens its invoice and downloads the PDF; every page is checked, and in a language other than English, read for English.
/// </summary>
public static class PaidAccountScenario
{
    public static async Task RunAsync(WebSystem web, PaidAccountTexts texts, string screenshotPrefix, Func<IPage, Task>? checkLanguage = null)
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        await using var browser = await web.OpenAsync(texts.Language);
        var page = browser.Page;
        var check = checkLanguage ?? (_ => Task.CompletedTask);

        await page.GotoAsync("/signin");
        await check(page);
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password, texts.EmailLabel, texts.PasswordLabel, texts.SignIn);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.Dashboard, Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
        await check(page);

        await page.GotoAsync("/billing");
        await Forms.WaitForInteractivityAsync(page);
        await page.GetByLabel(texts.CardName, new() { Exact = true }).FillAsync(texts.Language.StartsWith("fr", StringComparison.Ordinal) ? "Carte principale" : "Main card");
        await page.GetByLabel(texts.CardNumber, new() { Exact = true }).FillAsync("4242 4242 4242 4242");
        await page.GetByLabel(texts.SecurityCode, new() { Exact = true }).FillAsync("123");
        // The expiry is the card's own, never a guess: it starts empty and is asked for.
        var month = page.GetByLabel(texts.ExpiryMonth, new() { Exact = true });
        var year = page.GetByLabel(texts.ExpiryYear, new() { Exact = true });
        await Expect(month).ToHaveValueAsync("");
        await Expect(year).ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = texts.AddCard, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(texts.ExpiryMissing);
        await month.FillAsync("12");
        await year.FillAsync(GatewayClient.CardExpiryYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = texts.AddCard, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = texts.CardAdded })).ToBeVisibleAsync();
        await check(page);
        await browser.CheckPageAsync($"{screenshotPrefix}billing");

        await page.GotoAsync("/accounts/new");
        await Forms.WaitForInteractivityAsync(page);
        var accountName = GatewayClient.NewAccountName();
        await page.GetByLabel(texts.AccountName, new() { Exact = true }).FillAsync(accountName);
        await page.GetByLabel(texts.ClientName, new() { Exact = true }).FillAsync("Société Cliente");
        await page.GetByLabel(texts.ClientEmail, new() { Exact = true }).FillAsync("it@client.test");
        await page.GetByLabel(texts.NotificationEmail, new() { Exact = true }).FillAsync("alerts@agency.test");
        // The quote of the chosen plan, from POST /quotes, before anything is created: French VAT on top (WebSystem), and
        // the total its invoice then charges. The first tier's quote stays on the page until the new one replaces it.
        var total = page.GetByTestId("quote-total");
        await Expect(total).ToHaveTextAsync(texts.MoneyFormat);
        var firstTierTotal = (await total.InnerTextAsync()).Trim();
        await page.GetByLabel(texts.Tier, new() { Exact = true }).SelectOptionAsync("plus");
        await Expect(total).Not.ToHaveTextAsync(firstTierTotal);
        await Expect(total).ToHaveTextAsync(texts.MoneyFormat);
        var tax = page.GetByTestId("quote-tax");
        await Expect(tax).ToHaveTextAsync(texts.MoneyFormat);
        var quotedTotal = (await total.InnerTextAsync()).Trim();
        var quotedTax = (await tax.InnerTextAsync()).Trim();
        await check(page);
        await browser.CheckPageAsync($"{screenshotPrefix}new-account");

        await page.GetByRole(AriaRole.Button, new() { Name = texts.CreateAccount, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.CreatedPrefix + accountName })).ToBeVisibleAsync();
        // Pending until the first charge settles; the page follows it without a reload.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = texts.Active })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await check(page);
        await browser.CheckPageAsync($"{screenshotPrefix}account-created");

        await page.GetByRole(AriaRole.Link, new() { Name = texts.OpenAccount, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = accountName, Exact = true })).ToBeVisibleAsync();
        var invoiceLink = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First;
        await Expect(invoiceLink).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(texts.DateFormat);
        // The audit trail, the account's language and its logins' roles in words of the page's language, not codes.
        var audit = page.GetByRole(AriaRole.List, new() { Name = texts.AuditTrail, Exact = true });
        await Expect(audit.GetByRole(AriaRole.Listitem).Filter(new() { HasText = texts.AccountCreated })).ToContainTextAsync($"· {texts.You}");
        await Expect(audit).Not.ToContainTextAsync("account.");
        await Expect(audit).Not.ToContainTextAsync("partner_user:");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasTextRegex = new Regex($"^{texts.AccountLanguage}$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = texts.AdminRole, Exact = true })).ToBeVisibleAsync();
        await check(page);
        await browser.CheckPageAsync($"{screenshotPrefix}account");

        var invoiceNumber = (await invoiceLink.InnerTextAsync()).Trim();
        await AssertInvoiceFitsPhoneAsync(page, texts, invoiceNumber);
        await invoiceLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.InvoicePrefix + invoiceNumber })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(quotedTotal);
        await Expect(page.GetByTestId("invoice-tax")).ToHaveTextAsync(quotedTax);
        await check(page);
        await browser.CheckPageAsync($"{screenshotPrefix}invoice");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = texts.DownloadPdf, Exact = true }).ClickAsync());
        Assert.Equal("%PDF-", await Downloads.HeadAsync(download, 5));

        // The billing page's list of every invoice fits a phone too.
        await page.GotoAsync("/billing");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = texts.Invoices, Exact = true }).GetByRole(AriaRole.Link, new() { Name = invoiceNumber, Exact = true })).ToBeVisibleAsync();
        await AssertInvoiceFitsPhoneAsync(page, texts, invoiceNumber);
        browser.AssertNoProblems();
    }

    /// <summary>At phone width the invoice's number stays on one line and its total shows whole, not cut off at "$".</summary>
    private static Task AssertInvoiceFitsPhoneAsync(IPage page, PaidAccountTexts texts, string invoiceNumber) =>
        PhoneLayout.AtPhoneWidthAsync(page, async () =>
        {
            var invoices = page.GetByRole(AriaRole.Region, new() { Name = texts.Invoices, Exact = true });
            var number = invoices.GetByRole(AriaRole.Link, new() { Name = invoiceNumber, Exact = true });
            var row = invoices.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = invoiceNumber, Exact = true }) });
            await PhoneLayout.AssertOneLineAsync(number);
            await PhoneLayout.AssertWhollyInsideAsync(row.GetByRole(AriaRole.Cell).Filter(new() { HasTextRegex = texts.MoneyFormat }), invoices);
        });
}
