using System.Net;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class OperatorConsoleTests(WebSystem web)
{
    [Fact]
    public async Task The_operator_creates_a_partner_and_suspends_it_then_the_partner_cannot_sign_in_until_reactivated()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await SignInOperatorAsync(page);

        var name = "Agence " + Guid.NewGuid().ToString("N")[..8];
        var email = $"owner-{Guid.NewGuid():N}@agency.test";
        const string password = "first passphrase";
        await page.GetByLabel("Agency name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Owner's e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Owner's first password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the partner", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Partner {name} created." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Partners", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partners", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
        await page.GetByLabel("Name, e-mail or partner id", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Active", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-partners");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Suspend {name}", Exact = true }).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Alertdialog, new() { Name = $"Suspend {name}?" });
        await Expect(confirmation).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-partner-suspend-confirm");
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Yes, suspend", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{name} is suspended." })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Suspended", Exact = true })).ToBeVisibleAsync();
        await Expect(confirmation).ToHaveCountAsync(0);

        await using (var refused = await web.OpenAsync())
        {
            await Forms.SignInPartnerAsync(refused.Page, email, password);
            await Expect(refused.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
                "This partner is suspended: its users cannot sign in until the platform operator reactivates it.");
            await refused.CheckPageAsync("partner-signin-suspended");
        }

        await row.GetByRole(AriaRole.Button, new() { Name = $"Reactivate {name}", Exact = true }).ClickAsync();
        var reactivation = page.GetByRole(AriaRole.Alertdialog, new() { Name = $"Reactivate {name}?" });
        await reactivation.GetByRole(AriaRole.Button, new() { Name = "Yes, reactivate", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{name} is reactivated." })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Active", Exact = true })).ToBeVisibleAsync();
        browser.AssertNoProblems();

        await using var partnerBrowser = await web.OpenAsync();
        await Forms.SignInPartnerAsync(partnerBrowser.Page, email, password);
        await Expect(partnerBrowser.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        partnerBrowser.AssertNoProblems();
    }

    [Fact]
    public async Task The_operator_finds_any_account_by_a_part_of_its_customer_name_and_moves_it_out_of_its_agency()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var account = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            TrialAccount(GatewayClient.NewAccountName(), $"Fromagerie {tag}"), partner.Token), HttpStatusCode.Created);
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            TrialAccount(GatewayClient.NewAccountName(), $"Crèmerie {tag}"), partner.Token), HttpStatusCode.Created);
        var accountName = account["name"]!.GetValue<string>();

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await SignInOperatorAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Look up an account", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
        var search = page.GetByLabel("Account id, name or customer", new() { Exact = true });

        await search.FillAsync("no-such-account-" + tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("No account matches.");

        await search.FillAsync(tag.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts found: 2", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-account-matches");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Show {accountName}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = accountName, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(partner.Id, new() { Exact = true })).ToBeVisibleAsync();
        // A trial's period end is the day it ends, not a renewal.
        await Expect(page.GetByRole(AriaRole.Term).Filter(new() { HasText = "Trial ends" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Term).Filter(new() { HasText = "Next renewal" })).ToHaveCountAsync(0);
        await browser.CheckPageAsync("operator-account");

        await page.GetByLabel("New owner's e-mail", new() { Exact = true }).FillAsync("owner@standalone.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the account out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{accountName} is moved out; owner@standalone.test owns it now." })).ToBeVisibleAsync();
        await Expect(page.Locator(".facts .status")).ToHaveTextAsync("Transferred");
        // The list it was chosen from says so too.
        var movedRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = $"Show {accountName}", Exact = true }) });
        await Expect(movedRow.GetByRole(AriaRole.Cell, new() { Name = "Transferred", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move into an agency", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-account-moved-out");

        using var gone = await api.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{account["id"]!.GetValue<string>()}", token: partner.Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_operator_issues_a_credit_note_on_a_paid_invoice_and_sees_the_payouts_and_the_sandbox_clock()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await api.CreateSettledAccountAsync(partner, card);
        Assert.Equal("active", account["status"]!.GetValue<string>());
        var invoice = (await api.InvoicesOfAsync(partner, account["id"]!.GetValue<string>())).Single(i => i!["status"]!.GetValue<string>() == "paid")!;
        var invoiceId = invoice["id"]!.GetValue<string>();

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await SignInOperatorAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Credit notes", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Credit notes", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
        await page.GetByLabel("Invoice id (inv_…)", new() { Exact = true }).FillAsync(invoiceId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show its credit notes", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No credit note yet.", new() { Exact = true })).ToBeVisibleAsync();
        // The invoice itself, before any note: all of its total is left to credit, and the form says so.
        var total = invoice["total"]!["amount"]!.GetValue<long>();
        static string Dollars(long cents) => "$" + (cents / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {invoice["number"]!.GetValue<string>()}", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("left-to-credit")).ToHaveTextAsync(Dollars(total));
        await Expect(page.GetByText($"At most {Dollars(total)} can still be credited.", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Amount (USD)", new() { Exact = true }).FillAsync("1.00");
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Goodwill for an outage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the credit note", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "of $1.00 issued." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Goodwill for an outage", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("left-to-credit")).ToHaveTextAsync(Dollars(total - 100));
        await browser.CheckPageAsync("operator-credit-notes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Payouts", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commission payouts", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync("pending");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading…" })).ToHaveCountAsync(0);
        await browser.CheckPageAsync("operator-statements");

        var before = await SandboxClock.NowAsync(api);
        await page.GetByRole(AriaRole.Link, new() { Name = "Clock", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sandbox clock", Exact = true })).ToBeVisibleAsync();
        var shown = DateTimeOffset.Parse((await page.Locator("#clock-now").InnerTextAsync()).Replace(" UTC", "Z", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        // The clock runs on between the two readings: the page's is never earlier (to the second it shows).
        Assert.True(shown >= before.AddSeconds(-1), $"The page shows {shown:O}, the API said {before:O} before.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move the clock", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("operator-clock");
    }

    private async Task SignInOperatorAsync(IPage page)
    {
        await page.GotoAsync("/operator/signin");
        await page.GetByLabel("Operator key", new() { Exact = true }).FillAsync(web.System.AdminKey);
        await Forms.SubmitStaticAsync(page, "Sign in", "/operator/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operator", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
    }

    private static object TrialAccount(string name, string customerName) => new
    {
        name,
        customer = new { name = customerName, email = "it@client.test" },
        notification_email = "billing@agency.test",
        language = "en",
        time_zone = "UTC",
        plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "trial" },
    };
}
