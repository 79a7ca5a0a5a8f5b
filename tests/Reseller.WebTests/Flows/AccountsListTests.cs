using System.Net;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class AccountsListTests(WebSystem web)
{
    private const int Accounts = 120;
    private const int PageSize = 25;
    private const int Searched = 7;

    [Fact]
    public async Task A_partner_searches_its_120_accounts_sorts_them_every_way_and_pages_next_and_previous()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await CreateAccountsAsync(api, partner, tag);

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await page.GotoAsync("/accounts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
        var names = page.Locator("table tbody tr td:first-child");
        await Expect(names).ToHaveTextAsync(Slice(await ExpectedAsync(api, partner, "created", "desc"), 0));
        // Every one is a trial: its date is the day the trial ends, never a renewal.
        await Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Trial ends" })).ToHaveCountAsync(PageSize);
        await Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Next renewal" })).ToHaveCountAsync(0);
        await browser.CheckPageAsync("accounts-list");

        // Search: by the customer's name (a handful) and by a part of the accounts' names (all of them).
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync($"Zebra {tag}");
        await ShowAsync(page);
        var found = await ExpectedAsync(api, partner, "created", "desc", $"zebra {tag}");
        Assert.Equal(Searched, found.Count);
        await Expect(names).ToHaveTextAsync(found.ToArray());
        await Expect(Button(page, "Next page")).ToBeDisabledAsync();
        await browser.CheckPageAsync("accounts-search");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(tag);
        await ShowAsync(page);

        foreach (var sort in new[] { "name", "plan_size", "created", "expires" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var expected = await ExpectedAsync(api, partner, sort, order, tag);
                Assert.Equal(Accounts, expected.Count);
                if (sort == "name")
                {
                    Assert.Equal(order == "asc" ? expected.Order(StringComparer.Ordinal) : expected.OrderDescending(StringComparer.Ordinal), expected);
                }
                await page.GetByLabel("Sort by", new() { Exact = true }).SelectOptionAsync(sort);
                await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(order);
                await ShowAsync(page);
                await Expect(names).ToHaveTextAsync(Slice(expected, 0));
                await Expect(Button(page, "Previous page")).ToBeDisabledAsync();

                await Button(page, "Next page").ClickAsync();
                await Expect(names).ToHaveTextAsync(Slice(expected, 1));
                await Button(page, "Next page").ClickAsync();
                await Expect(names).ToHaveTextAsync(Slice(expected, 2));
                await Button(page, "Previous page").ClickAsync();
                await Expect(names).ToHaveTextAsync(Slice(expected, 1));
                await Button(page, "Previous page").ClickAsync();
                await Expect(names).ToHaveTextAsync(Slice(expected, 0));
                await Expect(Button(page, "Previous page")).ToBeDisabledAsync();
            }
        }

        // A changed but not yet applied sort never breaks the paging of the list on show; to the last page and back.
        await page.GetByLabel("Sort by", new() { Exact = true }).SelectOptionAsync("name");
        var shown = await ExpectedAsync(api, partner, "expires", "desc", tag);
        for (var pageIndex = 1; pageIndex * PageSize < Accounts; pageIndex++)
        {
            await Button(page, "Next page").ClickAsync();
            await Expect(names).ToHaveTextAsync(Slice(shown, pageIndex));
        }
        await Expect(Button(page, "Next page")).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Button(page, "Previous page").ClickAsync();
        await Expect(names).ToHaveTextAsync(Slice(shown, (Accounts - 1) / PageSize - 1));
        await browser.CheckPageAsync("accounts-paged");
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static Task ShowAsync(IPage page) => Button(page, "Show").ClickAsync();

    private static string[] Slice(IReadOnlyList<string> names, int pageIndex) => names.Skip(pageIndex * PageSize).Take(PageSize).ToArray();

    /// <summary>The accounts of the list the page shows, in the API's order (what the page must show, page by page).</summary>
    private static async Task<List<string>> ExpectedAsync(GatewayClient api, Partner partner, string sort, string order, string? q = null)
    {
        var query = $"/api/v1/accounts?status=all&sort={sort}&order={order}&page_size=200" + (q is null ? "" : "&q=" + Uri.EscapeDataString(q));
        var list = await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, query, token: partner.Token), HttpStatusCode.OK);
        Assert.Null(list["next_page_token"]);
        return list["data"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToList();
    }

    /// <summary>
    /// 120 trial accounts with distinct plan sizes in a shuffled order (so no two sorts agree), a few of them for a customer
    /// named Zebra; four at a time, as an integration would.
    /// </summary>
    private static async Task CreateAccountsAsync(GatewayClient api, Partner partner, string tag)
    {
        var random = new Random(20261202);
        var contacts = Enumerable.Range(1, Accounts).Select(i => i * 500).OrderBy(_ => random.Next()).ToList();
        var seats = Enumerable.Range(0, Accounts).Select(_ => random.Next(3, 9)).ToList();
        var suffixes = Enumerable.Range(0, Accounts).Select(i => i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(_ => random.Next()).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, Accounts), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            using var created = await api.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
            {
                name = $"l{tag}{suffixes[i]}",
                customer = new { name = i < Searched ? $"Zebra {tag} {i}" : "Client Co", email = $"it{i}@client.test" },
                notification_email = "billing@agency.test",
                language = "en",
                time_zone = "UTC",
                plan = new { product = "marketing", tier = "plus", contacts = contacts[i], seats = seats[i], cadence = "trial" },
            }, partner.Token);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        });
    }
}
