using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

[RunsAlone]
public sealed class StatementsAndInvoicesTests(WebSystem web)
{
    [Fact]
    public async Task A_partner_filters_invoices_by_period_its_customer_downloads_its_own_and_a_closed_month_opens_its_lines()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var partnerPaid = await api.CreateSettledAccountAsync(partner, card);
        var partnerInvoice = (await api.InvoicesOfAsync(partner, partnerPaid["id"]!.GetValue<string>())).Single()!;
        var issued = DateOnly.FromDateTime(partnerInvoice["issued_at"]!.GetValue<DateTimeOffset>().UtcDateTime);
        var customerPaid = await CreateCustomerPaidAccountAsync(api, partner, card);
        var (customerAccountId, customerAccountName) = (customerPaid["id"]!.GetValue<string>(), customerPaid["name"]!.GetValue<string>());

        // Billing: the period filter keeps the existing filters and refuses a period that ends before it starts.
        await using var partnerBrowser = await web.OpenAsync();
        var page = partnerBrowser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync("/billing");
        await Forms.WaitForInteractivityAsync(page);
        var invoices = page.GetByRole(AriaRole.Region, new() { Name = "Invoices", Exact = true });
        var number = partnerInvoice["number"]!.GetValue<string>();
        await Expect(invoices.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        await invoices.GetByLabel("Issued from", new() { Exact = true }).FillAsync(Day(issued.AddDays(1)));
        await invoices.GetByRole(AriaRole.Button, new() { Name = "Show invoices", Exact = true }).ClickAsync();
        await Expect(invoices.GetByText("No invoice matches these filters.")).ToBeVisibleAsync();
        await invoices.GetByLabel("Issued from", new() { Exact = true }).FillAsync(Day(issued));
        await invoices.GetByLabel("Issued until", new() { Exact = true }).FillAsync(Day(issued));
        await invoices.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(partnerInvoice["status"]!.GetValue<string>());
        await invoices.GetByRole(AriaRole.Button, new() { Name = "Show invoices", Exact = true }).ClickAsync();
        await Expect(invoices.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        await partnerBrowser.CheckPageAsync("billing-period-filter");
        await invoices.GetByLabel("Issued until", new() { Exact = true }).FillAsync(Day(issued.AddDays(-1)));
        await invoices.GetByRole(AriaRole.Button, new() { Name = "Show invoices", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The period ends before it starts" })).ToBeVisibleAsync();

        // The customer who pays opens its own invoice and downloads it.
        await using var customerBrowser = await web.OpenAsync();
        var customer = customerBrowser.Page;
        await customer.GotoAsync("/account/signin");
        await customer.GetByLabel("Account name", new() { Exact = true }).FillAsync(customerAccountName);
        await customer.GetByLabel("Username", new() { Exact = true }).FillAsync("admin");
        await customer.GetByLabel("Password", new() { Exact = true }).FillAsync(customerPaid["login"]!["password"]!.GetValue<string>());
        await Forms.SubmitStaticAsync(customer, "Sign in", "/account/signin");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = customerAccountName, Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(customer);
        var customerInvoice = customer.GetByRole(AriaRole.Region, new() { Name = "Invoices", Exact = true }).GetByRole(AriaRole.Link).First;
        var customerNumber = await customerInvoice.InnerTextAsync();
        await customerInvoice.ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {customerNumber}", Exact = true })).ToBeVisibleAsync();
        await customerBrowser.CheckPageAsync("customer-invoice");
        var download = await customer.RunAndWaitForDownloadAsync(() => customer.GetByRole(AriaRole.Link, new() { Name = "Download the PDF", Exact = true }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await using (var pdf = await download.CreateReadStreamAsync())
        {
            var head = new byte[5];
            await pdf.ReadExactlyAsync(head);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        }

        // A card of its own that pays for nothing can go again.
        await customer.GotoAsync("/account");
        await Forms.WaitForInteractivityAsync(customer);
        await customer.GetByLabel("Name on the card", new() { Exact = true }).FillAsync("Camille Client");
        await customer.GetByLabel("Card number", new() { Exact = true }).FillAsync("4242 4242 4242 4242");
        await customer.GetByLabel("Expiry month", new() { Exact = true }).FillAsync("12");
        await customer.GetByLabel("Expiry year", new() { Exact = true }).FillAsync(GatewayClient.CardExpiryYear.ToString(CultureInfo.InvariantCulture));
        await customer.GetByLabel("Security code", new() { Exact = true }).FillAsync("123");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Add the card", Exact = true }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Card ending in 4242 added." })).ToBeVisibleAsync();
        var ownCard = customer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Camille Client" });
        await ownCard.GetByRole(AriaRole.Button, new() { Name = "Delete the card ending in 4242", Exact = true }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Card ending in 4242 deleted." })).ToBeVisibleAsync();
        await Expect(ownCard).ToHaveCountAsync(0);
        customerBrowser.AssertNoProblems();

        // Its invoice earned the partner cashback; once the month is closed, the statement opens its lines.
        var start = await SandboxClock.NowAsync(api);
        var month = start.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await api.WaitForAsync($"/api/v1/commissions?month={month}", partner.Token, e => e["data"]!.AsArray().Count > 0, TimeSpan.FromSeconds(45));
        var nextMonth = new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        await SandboxClock.MoveToAsync(api, nextMonth.AddMinutes(30));
        // The clock's month ended the earlier session's token: a new session, as a person signing in next month.
        await using var laterBrowser = await web.OpenAsync();
        page = laterBrowser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync("/commissions");
        await Forms.WaitForInteractivityAsync(page);
        var monthName = new DateTime(start.Year, start.Month, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
        await page.GetByRole(AriaRole.Button, new() { Name = $"Show the lines of {monthName}", Exact = true }).ClickAsync();
        var lines = page.GetByRole(AriaRole.Region, new() { Name = $"Lines of {monthName}", Exact = true });
        var line = lines.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = customerAccountName, Exact = true }) });
        await Expect(line).ToContainTextAsync("Cashback");
        await Expect(line).ToContainTextAsync("$7.35");
        // 15 % of $49.00 before VAT: the invoice's $58.80 is labelled as including VAT, and the intro says what the share is of.
        await Expect(lines.GetByRole(AriaRole.Columnheader, new() { Name = "Invoice total (incl. VAT)", Exact = true })).ToBeVisibleAsync();
        await Expect(line).ToContainTextAsync("$58.80");
        await Expect(page.GetByText("on the invoice’s amount before VAT", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(lines.GetByTestId("statement-lines-total")).ToHaveTextAsync("$7.35");
        await laterBrowser.CheckPageAsync("commission-statement-lines");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Hide the lines of {monthName}", Exact = true }).ClickAsync();
        await Expect(lines).ToHaveCountAsync(0);
        partnerBrowser.AssertNoProblems();
        laterBrowser.AssertNoProblems();
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonNode> CreateCustomerPaidAccountAsync(GatewayClient api, Partner partner, string card)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), card)))!.AsObject();
        body["payer"] = "customer";
        var created = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/accounts", body.ToJsonString(), partner.Token), HttpStatusCode.Created);
        await api.WaitForAccountAsync(partner, created["id"]!.GetValue<string>(), a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        return created;
    }
}
