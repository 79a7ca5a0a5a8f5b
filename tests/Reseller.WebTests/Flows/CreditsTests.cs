using System.Net;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class CreditsTests(WebSystem web)
{
    [Fact]
    public async Task A_partner_buys_an_sms_pack_assigns_credit_to_a_plus_account_and_is_refused_for_a_lite_account_with_the_reason()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var card = await api.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var plus = await CreateSettledAccountAsync(api, partner, "plus", card, withSms: true);
        var lite = await CreateSettledAccountAsync(api, partner, "lite", card, withSms: false);

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync("/credits");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Credits", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("pool-sms")).ToHaveTextAsync("0");
        await browser.CheckPageAsync("credits");

        // Buying is asynchronous (the pack's invoice is charged, then the credit added): the outcome arrives without a reload.
        var buy = page.GetByRole(AriaRole.Region, new() { Name = "Buy credits", Exact = true });
        await buy.GetByLabel("Credit type", new() { Exact = true }).SelectOptionAsync("sms");
        await buy.GetByLabel("Pack", new() { Exact = true }).SelectOptionAsync("1000");
        await buy.GetByRole(AriaRole.Button, new() { Name = "Buy the pack", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("purchase-outcome"))
            .ToHaveTextAsync("Purchase of 1,000 SMS credits: completed, the credit is added.", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("pool-sms")).ToHaveTextAsync("1,000");
        var history = page.GetByRole(AriaRole.Region, new() { Name = "Purchase history", Exact = true });
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "1,000 SMS credits" })).ToContainTextAsync("completed");
        // The agency's own times are in UTC, and say so (an account's are in its own zone).
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "1,000 SMS credits" })).ToContainTextAsync("UTC");
        await browser.CheckPageAsync("credits-bought");

        var assign = page.GetByRole(AriaRole.Region, new() { Name = "Assign credit to an account", Exact = true });
        await assign.GetByLabel("Credit type", new() { Exact = true }).SelectOptionAsync("sms");
        await assign.GetByLabel("Account", new() { Exact = true }).SelectOptionAsync(plus.Id);
        await assign.GetByLabel("Quantity", new() { Exact = true }).FillAsync("200");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(assign.GetByRole(AriaRole.Status)).ToHaveTextAsync($"200 SMS credits assigned to {plus.Name}.");
        await Expect(page.GetByTestId("pool-sms")).ToHaveTextAsync("800");

        // A lite account cannot hold SMS credit: the refusal says which account and why, and nothing moves.
        await assign.GetByLabel("Account", new() { Exact = true }).SelectOptionAsync(lite.Id);
        await assign.GetByLabel("Quantity", new() { Exact = true }).FillAsync("10");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(assign.GetByRole(AriaRole.Alert))
            .ToHaveTextAsync($"Refused for {lite.Name}: SMS credit needs a Marketing automation account on Plus or higher with SMS sending turned on.");
        await Expect(page.GetByTestId("pool-sms")).ToHaveTextAsync("800");
        await browser.CheckPageAsync("credits-refused");

        await assign.GetByLabel("Account", new() { Exact = true }).SelectOptionAsync(plus.Id);
        await assign.GetByLabel("Quantity", new() { Exact = true }).FillAsync("50");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Take back", Exact = true }).ClickAsync();
        await Expect(assign.GetByRole(AriaRole.Status)).ToHaveTextAsync($"50 SMS credits taken back from {plus.Name}.");
        await Expect(page.GetByTestId("pool-sms")).ToHaveTextAsync("850");
        var held = page.GetByRole(AriaRole.Region, new() { Name = "Balances", Exact = true }).GetByRole(AriaRole.Row).Filter(new() { HasText = plus.Name });
        await Expect(held.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("150");
        // At phone width an account's balances stack under their names instead of running off the screen.
        await PhoneLayout.AtPhoneWidthAsync(page, () =>
            PhoneLayout.AssertWhollyInsideAsync(held.GetByRole(AriaRole.Cell).Last, page.GetByRole(AriaRole.Region, new() { Name = "Balances", Exact = true })));

        // The API agrees with what the page shows.
        var balances = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, "/api/v1/credits", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(850, balances["partner"]!["sms"]!.GetValue<long>());
        var accounts = balances["accounts"]!.AsArray();
        Assert.Equal(150, accounts.Single(a => a!["account_id"]!.GetValue<string>() == plus.Id)!["balances"]!["sms"]!.GetValue<long>());
        Assert.DoesNotContain(accounts, a => a!["account_id"]!.GetValue<string>() == lite.Id && a["balances"]!["sms"]!.GetValue<long>() != 0);
        browser.AssertNoProblems();
    }

    private static async Task<(string Id, string Name)> CreateSettledAccountAsync(GatewayClient api, Partner partner, string tier, string card, bool withSms)
    {
        var name = GatewayClient.NewAccountName();
        var plan = withSms
            ? (object)new { product = "marketing", tier, contacts = 1000, cadence = "monthly", add_ons = new[] { new { code = "sms", quantity = 1 } } }
            : new { product = "marketing", tier, contacts = 1000, cadence = "monthly" };
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
        Assert.Equal("active", settled["status"]!.GetValue<string>());
        await WaitUntilCreditsFollowsAsync(api, partner, id);
        return (id, name);
    }

    /// <summary>Credits learns of a new account by event: the page's actions name it only once Credits answers for it.</summary>
    private static async Task WaitUntilCreditsFollowsAsync(GatewayClient api, Partner partner, string accountId) =>
        await Eventually.ReadAsync(
            async () =>
            {
                using var answer = await api.SendAsync(HttpMethod.Get, $"/api/v1/credits/sms/ledger?account_id={accountId}", token: partner.Token);
                return answer.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            Eventually.Propagation,
            $"Credits to follow account {accountId} (an OK answer)");
}
