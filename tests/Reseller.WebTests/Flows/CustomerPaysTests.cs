using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class CustomerPaysTests(WebSystem web)
{
    [Fact]
    public async Task An_invited_customer_chooses_a_password_adds_its_card_and_pays_then_the_partner_no_longer_sees_its_invoices()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await api.CreateSettledAccountAsync(partner, card);
        var (accountId, accountName) = (account["id"]!.GetValue<string>(), account["name"]!.GetValue<string>());
        var email = $"client-{Guid.NewGuid():N}@client.test";

        // The partner invites its customer from the account page.
        await using var partnerBrowser = await web.OpenAsync();
        var page = partnerBrowser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync($"/accounts/{accountId}");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = accountName, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Invoices" })).ToBeVisibleAsync();
        await partnerBrowser.CheckPageAsync("account-actions");
        await page.GetByLabel("Customer’s name", new() { Exact = true }).FillAsync("Camille Client");
        await page.GetByLabel("Customer’s e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Invitation sent to {email}." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Withdraw the invitation to {email}", Exact = true })).ToBeVisibleAsync();
        await partnerBrowser.CheckPageAsync("account-customer-invited");

        // The customer opens the mailed link, chooses a password and signs in.
        var mail = (await MailFolder.WaitForMailsAsync(email, "You are invited", 1, TimeSpan.FromSeconds(60))).Single();
        Assert.Contains("/account/invitations/accept?token=", mail, StringComparison.Ordinal);
        await using var customerBrowser = await web.OpenAsync();
        var customer = customerBrowser.Page;
        await customerBrowser.GotoAsync($"/account/invitations/accept?token={MailFolder.TokenFrom(mail)}");
        const string password = "my own client passphrase";
        await customer.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await Forms.SubmitStaticAsync(customer, "Choose this password", "/account/invitations/accept");
        await Expect(customer.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome!");
        await customerBrowser.GotoAsync("/account/signin");
        await customer.GetByLabel("Account name", new() { Exact = true }).FillAsync(accountName);
        await customer.GetByLabel("Username", new() { Exact = true }).FillAsync(email);
        await customer.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Forms.SubmitStaticAsync(customer, "Sign in", "/account/signin");

        // While the agency pays, the customer sees no billing: no invoices, no card.
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = accountName, Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(customer);
        await Expect(customer.GetByTestId("payer")).ToHaveTextAsync("Your agency pays for this account.");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToHaveCountAsync(0);
        await Expect(customer.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await customerBrowser.CheckPageAsync("customer-account");

        // It adds its own card and pays with it.
        await customer.GetByLabel("Name on the card", new() { Exact = true }).FillAsync("Camille Client");
        await customer.GetByLabel("Card number", new() { Exact = true }).FillAsync("4242 4242 4242 4242");
        // The expiry is the card's own, never a guess: it starts empty and is asked for.
        await Expect(customer.GetByLabel("Expiry month", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(customer.GetByLabel("Expiry year", new() { Exact = true })).ToHaveValueAsync("");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Add the card", Exact = true }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter the expiry month and year printed on the card.");
        await customer.GetByLabel("Expiry month", new() { Exact = true }).FillAsync("12");
        await customer.GetByLabel("Expiry year", new() { Exact = true }).FillAsync(GatewayClient.CardExpiryYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await customer.GetByLabel("Security code", new() { Exact = true }).FillAsync("123");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Add the card", Exact = true }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Card ending in 4242 added." })).ToBeVisibleAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Pay with the card ending in 4242", Exact = true }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "You now pay with the card ending in 4242." })).ToBeVisibleAsync();
        await Expect(customer.GetByTestId("payer")).ToHaveTextAsync("You pay for this account with your own card.");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Invoices", Exact = true })).ToBeVisibleAsync();
        await customerBrowser.CheckPageAsync("customer-pays");

        // The partner sees the account as customer-paid, and its invoices no more.
        await page.GotoAsync($"/accounts/{accountId}");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary", Exact = true }).GetByText("The customer", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("customer-pays")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Invoices" })).ToHaveCountAsync(0);
        // The customer pays: access no longer says it never sees billing, and an accepted invitation no longer expires.
        var access = page.GetByRole(AriaRole.Region, new() { Name = "Customer access", Exact = true });
        await Expect(access).ToContainTextAsync("The customer pays this account: it sees its billing and invoices there.");
        await Expect(access).Not.ToContainTextAsync("It never sees billing while you pay.");
        var accepted = page.GetByRole(AriaRole.List, new() { Name = "Invitations" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = email });
        await Expect(accepted).ToContainTextAsync("Accepted");
        await Expect(accepted).Not.ToContainTextAsync("Expires on");
        await partnerBrowser.CheckPageAsync("account-customer-paid");
    }
}
