using System.Globalization;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class PlanChangeTests(WebSystem web)
{
    [Fact]
    public async Task A_partner_sees_a_plan_change_quoted_before_confirming_and_the_invoice_then_issued_is_that_amount()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await api.CreateSettledAccountAsync(partner, card);
        var (accountId, accountName) = (account["id"]!.GetValue<string>(), account["name"]!.GetValue<string>());
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync($"/accounts/{accountId}");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = accountName, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Invoices" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        await page.GetByLabel("Tier", new() { Exact = true }).SelectOptionAsync("professional");
        await page.GetByRole(AriaRole.Button, new() { Name = "Quote the change", Exact = true }).ClickAsync();
        var dueNow = page.GetByTestId("change-due-now");
        await Expect(dueNow).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\$\d+\.\d\d$"));
        await Expect(page.GetByText("Now", new() { Exact = true })).ToBeVisibleAsync();
        var quoted = (await dueNow.InnerTextAsync()).Trim();
        await browser.CheckPageAsync("account-plan-quote");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the change", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The plan is changed." })).ToBeVisibleAsync();
        // The prorated invoice appears on the page without a reload, for the amount quoted.
        var invoices = page.GetByRole(AriaRole.Table, new() { Name = "Invoices" });
        await Expect(invoices.GetByRole(AriaRole.Row)).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Expect(invoices.GetByRole(AriaRole.Cell, new() { Name = quoted, Exact = true })).ToBeVisibleAsync();
        var proration = (await api.InvoicesOfAsync(partner, accountId)).Single(i => i!["purpose"]!.GetValue<string>() == "proration")!;
        Assert.Equal(quoted, (proration["total"]!["amount"]!.GetValue<long>() / 100m).ToString("C", CultureInfo.GetCultureInfo("en-US")));
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("· Professional ·"))).ToBeVisibleAsync();
        await browser.CheckPageAsync("account-plan-changed");

        // Cancel asks first; a cancelled account is reactivated.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the account", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The account is cancelled." })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactivate", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The account is renewed." })).ToBeVisibleAsync();

        // Log in as the customer: a one-time link to the dashboard's log-in-as page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in as the customer", Exact = true }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Open the customer’s account (new tab)", Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/account/login-link\\?token="));
        await browser.CheckPageAsync("account-lifecycle");
    }
}
