using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Partners;

[RunsAlone]
public sealed class ReferralCommissionFlowTests(ResellerSystem system) : IDisposable
{
    private const long MonthlyListPrice = 4900;
    private const long Commission = 980;

    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_referred_customer_pays_for_thirteen_months_and_the_partner_earns_twenty_percent_of_the_first_twelve_in_monthly_statements()
    {
        // The agency: its owner, a billing user, and an API key its integration uses from here on.
        var partner = await client.CreatePartnerAsync();
        var billingUser = await client.AddUserAsync(partner, "billing");
        var key = await client.CreateApiKeyAsync(partner, "dashboard sync");
        var link = await client.GetAsync("/api/v1/partners/me/referral-link", key);

        // A customer signs up through the link, anonymously, with its own card.
        var signedUp = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{link["code"]}/signup",
            SignupBody(GatewayClient.NewAccountName(), GatewayClient.GoodCard)), HttpStatusCode.Created);
        var accountId = signedUp["account_id"]!.GetValue<string>();
        Assert.Equal("customer", signedUp["payer"]!.GetValue<string>());
        Assert.Equal("admin", signedUp["login"]!["username"]!.GetValue<string>());
        var apiKeyPartner = partner with { Token = key };
        var account = await client.WaitForAccountAsync(apiKeyPartner, accountId, a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        Assert.Equal("active", account["status"]!.GetValue<string>());

        // Never visible in the partner's billing: neither the customer's card nor the customer's invoices.
        Assert.Empty((await client.GetAsync("/api/v1/billing-profiles", key))["data"]!.AsArray());
        Assert.Empty(await client.InvoicesOfAsync(apiKeyPartner, accountId));

        // Thirteen monthly renewals on the sandbox clock; each waits for the account to run to its new period end.
        var createdAt = account["created_at"]!.GetValue<DateTimeOffset>();
        for (var month = 1; month <= 13; month++)
        {
            var periodEnd = account["current_period_end"]!.GetValue<DateTimeOffset>();
            await SandboxClock.MoveToAsync(client, createdAt.AddMonths(month).AddHours(1));
            account = await client.WaitForAccountAsync(apiKeyPartner, accountId,
                a => a["current_period_end"]!.GetValue<DateTimeOffset>() > periodEnd, TimeSpan.FromSeconds(45));
            Assert.True(account["current_period_end"]!.GetValue<DateTimeOffset>() > periodEnd, $"Renewal {month} did not happen.");
        }

        // 14 invoices were paid (first period + 13 renewals); only those paid in the first 12 months earned.
        var now = await SandboxClock.NowAsync(client);
        var months = MonthsBetween(createdAt, now);
        var lines = await Eventually.ReadAsync(
            async () =>
            {
                var found = new List<JsonNode>();
                foreach (var month in months)
                {
                    found.AddRange((await client.GetAsync($"/api/v1/commissions?month={month}", key))["data"]!.AsArray().Select(l => l!));
                }
                return found;
            },
            found => found.Count >= 12,
            Eventually.Propagation);
        Assert.Equal(12, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal("commission", l["kind"]!.GetValue<string>());
            Assert.Equal(accountId, l["account_id"]!.GetValue<string>());
            Assert.Equal(MonthlyListPrice, l["invoice_total"]!["amount"]!.GetValue<long>());
            Assert.Equal(Commission, l["amount"]!["amount"]!.GetValue<long>());
            Assert.True(l["earned_at"]!.GetValue<DateTimeOffset>() < createdAt.AddMonths(12));
        });
        Assert.Equal(12, lines.Select(l => l["invoice_id"]!.GetValue<string>()).Distinct().Count());

        // Every past month is closed into exactly one statement whose lines add up to its total; all is accounted for.
        var statements = (await client.GetAsync("/api/v1/commissions/statements?page_size=200", key))["data"]!.AsArray().Select(s => s!).ToList();
        Assert.Equal(statements.Count, statements.Select(s => s["month"]!.GetValue<string>()).Distinct().Count());
        Assert.DoesNotContain(statements, s => s["month"]!.GetValue<string>() == PartnerScenarios.Month(now));
        long closedTotal = 0;
        foreach (var statement in statements)
        {
            var detail = await client.GetAsync($"/api/v1/commissions/statements/{statement["id"]}", key);
            var sum = detail["lines"]!.AsArray().Sum(l => l!["amount"]!["amount"]!.GetValue<long>());
            Assert.Equal(detail["total"]!["amount"]!.GetValue<long>(), sum);
            Assert.Equal(detail["line_count"]!.GetValue<int>(), detail["lines"]!.AsArray().Count);
            Assert.Equal("held", detail["status"]!.GetValue<string>());
            closedTotal += sum;
        }
        var openTotal = (await client.GetAsync($"/api/v1/commissions?month={PartnerScenarios.Month(now)}", key))["total"]!["amount"]!.GetValue<long>();
        Assert.Equal(12 * Commission, closedTotal + openTotal);
        Assert.Equal(12 * Commission, statements.Sum(s => s["total"]!["amount"]!.GetValue<long>()) + openTotal);

        // The billing user sees the same statements; a PayPal e-mail releases them for payout.
        var billingToken = await client.TokenAsync(billingUser.Email, PartnerScenarios.NewPassword);
        Assert.Equal(statements.Count, (await client.GetAsync("/api/v1/commissions/statements?page_size=200", billingToken))["data"]!.AsArray().Count);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me", new { paypal_email = "payouts@agency.test" }, key), HttpStatusCode.OK);
        Assert.All((await client.GetAsync("/api/v1/commissions/statements?page_size=200", key))["data"]!.AsArray(),
            s => Assert.Equal("pending", s!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_signups_are_refused_as_problems_and_leave_nothing_behind()
    {
        var partner = await client.CreatePartnerAsync();
        var code = (await client.GetAsync("/api/v1/partners/me/referral-link", partner.Token))["code"]!.GetValue<string>();
        var name = GatewayClient.NewAccountName();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/referrals/nosuchcode00/signup", SignupBody(name, GatewayClient.GoodCard)), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/referrals/x/signup", SignupBody(name, GatewayClient.GoodCard)), HttpStatusCode.NotFound);
        var noCard = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup",
            new { name, customer = new { name = "Jane", email = "jane@customer.test" }, language = "en", time_zone = "UTC", plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }), HttpStatusCode.BadRequest);
        Assert.True(noCard["errors"]!.AsObject().ContainsKey("card"));
        var badCard = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup", SignupBody(name, "1234")), HttpStatusCode.BadRequest);
        Assert.Contains(badCard["errors"]!.AsObject(), e => e.Key.Contains("number", StringComparison.Ordinal));
        var badPlan = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup",
            SignupBody(name, GatewayClient.GoodCard, tier: "platinum")), HttpStatusCode.BadRequest);
        Assert.Contains(badPlan["errors"]!.AsObject(), e => e.Key.StartsWith("plan", StringComparison.Ordinal));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup", "{\"card\": 12"), HttpStatusCode.BadRequest);

        // The refused name is still free, and a good signup then succeeds.
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup", SignupBody(name, GatewayClient.GoodCard)), HttpStatusCode.Created);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup", SignupBody(name, GatewayClient.GoodCard)), HttpStatusCode.Conflict);
    }

    private static object SignupBody(string name, string cardNumber, string tier = "plus") => new
    {
        name,
        customer = new { name = "Jane Customer", email = "jane@customer.test" },
        language = "en",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier, contacts = 1000, cadence = "monthly" },
        card = new { number = cardNumber, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" },
    };

    private static List<string> MonthsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var months = new List<string>();
        for (var month = new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc); month <= to.UtcDateTime; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
        return months;
    }

    public void Dispose() => client.Dispose();
}
