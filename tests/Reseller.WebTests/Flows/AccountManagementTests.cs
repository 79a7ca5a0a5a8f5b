using System.Net;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

/// <summary>What a partner does on an account's page beyond its plan: conversion, add-ons, admin password, settings, payer, credit, snapshots.</summary>
public sealed partial class AccountManagementTests(WebSystem web)
{
    [Fact]
    public async Task A_partner_turns_a_trial_into_a_paid_account_then_adds_conversations_seats_after_quotes_and_sets_the_admin_password()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var (accountId, accountName) = await CreateAccountAsync(api, partner, "trial", card: null, withSms: false);
        await WaitUntilBillingFollowsAsync(api, partner, accountId);

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync($"/accounts/{accountId}");
        await Forms.WaitForInteractivityAsync(page);
        var summary = page.GetByRole(AriaRole.Region, new() { Name = "Summary", Exact = true });
        await Expect(summary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Trial");
        await Expect(summary.GetByRole(AriaRole.Term).Filter(new() { HasText = "Trial ends" })).ToBeVisibleAsync();

        // Trial → paid: the quote comes first, then the account turns active on the page as its first charge settles.
        var convert = page.GetByRole(AriaRole.Region, new() { Name = "Make it a paid account", Exact = true });
        await convert.GetByLabel("Conversations seats", new() { Exact = true }).FillAsync("2");
        await convert.GetByLabel("Card charged", new() { Exact = true }).SelectOptionAsync(card);
        await convert.GetByRole(AriaRole.Button, new() { Name = "Quote the change", Exact = true }).ClickAsync();
        await Expect(convert.GetByTestId("change-due-now")).ToHaveTextAsync(DollarAmount());
        await browser.CheckPageAsync("account-convert-quote");
        await convert.GetByRole(AriaRole.Button, new() { Name = "Confirm and pay", Exact = true }).ClickAsync();
        await Expect(summary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Active", new() { Timeout = 60_000 });
        await Expect(summary.GetByRole(AriaRole.Term).Filter(new() { HasText = "Next renewal" })).ToBeVisibleAsync();

        // Add-ons: one more conversations seat, prorated and quoted before it is confirmed.
        var change = page.GetByRole(AriaRole.Region, new() { Name = "Change the plan", Exact = true });
        await Expect(change.GetByLabel("Conversations seats", new() { Exact = true })).ToHaveValueAsync("2");
        await change.GetByLabel("Conversations seats", new() { Exact = true }).FillAsync("3");
        await change.GetByRole(AriaRole.Button, new() { Name = "Quote the change", Exact = true }).ClickAsync();
        await Expect(change.GetByTestId("change-due-now")).ToHaveTextAsync(DollarAmount());
        await Expect(change.GetByText("Now", new() { Exact = true })).ToBeVisibleAsync();
        await change.GetByRole(AriaRole.Button, new() { Name = "Confirm the change", Exact = true }).ClickAsync();
        await Expect(change.GetByRole(AriaRole.Status)).ToHaveTextAsync("The plan is changed.");
        var changed = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(3, changed["plan"]!["add_ons"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "conversations")!["quantity"]!.GetValue<int>());

        // The admin password: the rule is shown, the API's refusal is told, then the customer logs in with the new one.
        var password = page.GetByRole(AriaRole.Region, new() { Name = "Customer’s admin password", Exact = true });
        await Expect(password.GetByText("At least 10 characters.", new() { Exact = false })).ToBeVisibleAsync();
        await password.GetByLabel("New admin password", new() { Exact = true }).FillAsync("short");
        await password.GetByRole(AriaRole.Button, new() { Name = "Set the password", Exact = true }).ClickAsync();
        await Expect(password.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Refused: the password must have at least 10 characters.");
        await password.GetByLabel("New admin password", new() { Exact = true }).FillAsync("a client's new password");
        await password.GetByRole(AriaRole.Button, new() { Name = "Set the password", Exact = true }).ClickAsync();
        await Expect(password.GetByRole(AriaRole.Status)).ToHaveTextAsync("The admin password is set: give it to your customer.");
        using var login = await api.SendAsync(HttpMethod.Post, "/api/v1/auth/account-token", new { account = accountName, username = "admin", password = "a client's new password" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_partner_changes_the_settings_takes_payment_back_moves_credit_and_creates_an_account_from_a_snapshot()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var otherCard = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var (accountId, accountName) = await CreateAccountAsync(api, partner, "monthly", card, withSms: true);
        await BuySmsAsync(api, partner);
        await WaitUntilCreditsFollowsAsync(api, partner, accountId);
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/payer", new { payer = "customer" }, partner.Token), HttpStatusCode.OK);

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync($"/accounts/{accountId}");
        await Forms.WaitForInteractivityAsync(page);

        // The customer pays: the partner takes payment back with one of its cards.
        var payer = page.GetByRole(AriaRole.Region, new() { Name = "Who pays", Exact = true });
        await payer.GetByLabel("Card charged", new() { Exact = true }).SelectOptionAsync(card);
        await payer.GetByRole(AriaRole.Button, new() { Name = "Take payment back", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Who pays", Exact = true }).GetByText("You pay this account.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary", Exact = true }).GetByText("Your agency", new() { Exact = true })).ToBeVisibleAsync();

        // Settings: a bad domain is refused with its reason; then the e-mail, the domain and the card change together.
        var settings = page.GetByRole(AriaRole.Region, new() { Name = "Settings", Exact = true });
        var domain = $"app-{Guid.NewGuid():N}.client.test";
        await settings.GetByLabel("Custom domain", new() { Exact = true }).FillAsync("not a domain");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save the settings", Exact = true }).ClickAsync();
        await Expect(settings.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The custom domain must be a valid host name that no other account uses.");
        await settings.GetByLabel("Notification e-mail", new() { Exact = true }).FillAsync("alerts@agency.test");
        await settings.GetByLabel("Custom domain", new() { Exact = true }).FillAsync(domain);
        await settings.GetByLabel("Card charged", new() { Exact = true }).SelectOptionAsync(otherCard);
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save the settings", Exact = true }).ClickAsync();
        await Expect(settings.GetByRole(AriaRole.Status)).ToHaveTextAsync("The settings are saved.");
        var saved = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(("partner", "alerts@agency.test", domain, otherCard),
            (saved["payer"]!.GetValue<string>(), saved["notification_email"]!.GetValue<string>(), saved["custom_domain"]!.GetValue<string>(), saved["billing_profile_id"]!.GetValue<string>()));

        // Credit: the credits page's own form, for this one account.
        var credits = page.GetByRole(AriaRole.Region, new() { Name = "Credits and configuration", Exact = true });
        await credits.GetByLabel("Quantity", new() { Exact = true }).FillAsync("100");
        await credits.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(credits.GetByRole(AriaRole.Status)).ToHaveTextAsync($"100 SMS credits assigned to {accountName}.");
        await credits.GetByLabel("Quantity", new() { Exact = true }).FillAsync("40");
        await credits.GetByRole(AriaRole.Button, new() { Name = "Take back", Exact = true }).ClickAsync();
        await Expect(credits.GetByRole(AriaRole.Status)).ToHaveTextAsync($"40 SMS credits taken back from {accountName}.");
        await Expect(credits.GetByTestId("account-credits")).ToContainTextAsync("60");
        await browser.CheckPageAsync("account-settings");

        // A snapshot, and a new account made from it: its admin login is shown once.
        var history = page.GetByRole(AriaRole.Region, new() { Name = "History", Exact = true });
        await history.GetByRole(AriaRole.Button, new() { Name = "Take a snapshot", Exact = true }).ClickAsync();
        await history.GetByRole(AriaRole.Button, new() { Name = "New account from it" }).ClickAsync();
        var newName = GatewayClient.NewAccountName();
        await history.GetByLabel("Account name", new() { Exact = true }).FillAsync(newName);
        await history.GetByLabel("Customer’s name", new() { Exact = true }).FillAsync("Second Client");
        await history.GetByLabel("Customer’s e-mail", new() { Exact = true }).FillAsync("it@second.test");
        await history.GetByRole(AriaRole.Button, new() { Name = "Create the account", Exact = true }).ClickAsync();
        await Expect(history.GetByText($"Account {newName} created", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(history.GetByRole(AriaRole.Link, new() { Name = "Open the account", Exact = true })).ToBeVisibleAsync();
        await browser.CheckPageAsync("account-from-snapshot");
        var listed = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/v1/accounts?q={newName}&status=all", token: partner.Token), HttpStatusCode.OK);
        var created = listed["data"]!.AsArray().Single()!;
        Assert.Equal(("marketing", "plus"), (created["plan"]!["product"]!.GetValue<string>(), created["plan"]!["tier"]!.GetValue<string>()));
    }

    private static Regex DollarAmount() => DollarPattern();

    [GeneratedRegex(@"^\$[\d,]+\.\d\d$")]
    private static partial Regex DollarPattern();

    private static async Task<(string Id, string Name)> CreateAccountAsync(GatewayClient api, Partner partner, string cadence, string? card, bool withSms)
    {
        var name = GatewayClient.NewAccountName();
        var plan = withSms
            ? (object)new { product = "marketing", tier = "plus", contacts = 1000, cadence, add_ons = new[] { new { code = "sms", quantity = 1 } } }
            : new { product = "marketing", tier = "plus", contacts = 1000, cadence };
        var created = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
        {
            name,
            customer = new { name = "Client Co", email = "it@client.test" },
            notification_email = "billing@agency.test",
            language = "en",
            time_zone = "Europe/Paris",
            plan,
            billing_profile_id = card,
        }, partner.Token), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var settled = await api.WaitForAccountAsync(partner, id, a => a["status"]!.GetValue<string>() != "pending", TimeSpan.FromSeconds(60));
        Assert.Equal(cadence == "trial" ? "trial" : "active", settled["status"]!.GetValue<string>());
        return (id, name);
    }

    /// <summary>Billing learns of a new account by event: the page's quotes price it only once Billing answers for it.</summary>
    private static Task WaitUntilBillingFollowsAsync(GatewayClient api, Partner partner, string accountId) =>
        WaitUntilOkAsync(() => api.SendAsync(HttpMethod.Post, "/api/v1/quotes",
            new { account_id = accountId, plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, partner.Token));

    /// <summary>Credits learns of a new account by event: the page's credit form moves credit only once Credits answers for it.</summary>
    private static Task WaitUntilCreditsFollowsAsync(GatewayClient api, Partner partner, string accountId) =>
        WaitUntilOkAsync(() => api.SendAsync(HttpMethod.Get, $"/api/v1/credits/sms/ledger?account_id={accountId}", token: partner.Token));

    private static async Task WaitUntilOkAsync(Func<Task<HttpResponseMessage>> call) =>
        await Eventually.ReadAsync(
            async () =>
            {
                using var answer = await call();
                return answer.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            Eventually.Propagation,
            "the service to follow the account (an OK answer)");

    /// <summary>Buys 1,000 SMS credits and waits until they are in the pool (the pack's invoice is charged first).</summary>
    private static async Task BuySmsAsync(GatewayClient api, Partner partner)
    {
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", new { pack = 1000 }, partner.Token), HttpStatusCode.Created);
        await Eventually.ReadAsync(
            async () => await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, "/api/v1/credits", token: partner.Token), HttpStatusCode.OK),
            balances => balances["partner"]!["sms"]!.GetValue<long>() >= 1000,
            Eventually.Propagation,
            "the SMS pack to arrive in the pool",
            balances => balances.ToJsonString());
    }
}
