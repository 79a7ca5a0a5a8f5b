using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Partners;

[RunsAlone]
public sealed class CashbackTests(ResellerSystem system) : IDisposable
{
    public const string FailingCharges = "4000000000000341";

    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_customer_paid_account_earns_cashback_closed_into_one_monthly_statement_and_paid_out()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var failingCard = await client.CreateBillingProfileAsync(partner, FailingCharges);
        var start = await SandboxClock.NowAsync(client);
        var month = PartnerScenarios.Month(start);

        // Only paid invoices of customer-paid accounts earn: not a failed charge, not a partner-paid account.
        await CreateCustomerPaidAccountAsync(partner, failingCard);
        await client.CreateSettledAccountAsync(partner, card);
        var account = await CreateCustomerPaidAccountAsync(partner, card);
        var earnings = await client.WaitForAsync($"/api/v1/commissions?month={month}", () => partner.Token,
            e => e["data"]!.AsArray().Count > 0, TimeSpan.FromSeconds(45));
        await Task.Delay(TimeSpan.FromSeconds(2)); // Not a condition wait: time for a wrongly earned second line to appear.
        earnings = await client.GetAsync($"/api/v1/commissions?month={month}", partner.Token);
        var line = earnings["data"]!.AsArray().Single()!;
        Assert.Equal("cashback", line["kind"]!.GetValue<string>());
        Assert.Equal(account["id"]!.GetValue<string>(), line["account_id"]!.GetValue<string>());
        Assert.Equal(4900, line["invoice_total"]!["amount"]!.GetValue<long>());
        Assert.Equal(735, line["amount"]!["amount"]!.GetValue<long>());
        Assert.Equal(735, earnings["total"]!["amount"]!.GetValue<long>());
        Assert.Null(earnings["statement_id"]);

        // The month closes once the clock is in the next month, and closing it again changes nothing.
        var nextMonth = new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        await SandboxClock.MoveToAsync(client, nextMonth.AddMinutes(30));
        await SandboxClock.MoveToAsync(client, nextMonth.AddMinutes(45));
        partner = partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };
        var statements = (await client.GetAsync("/api/v1/commissions/statements", partner.Token))["data"]!.AsArray();
        var statement = statements.Single(s => s!["month"]!.GetValue<string>() == month)!;
        Assert.Equal(735, statement["total"]!["amount"]!.GetValue<long>());
        Assert.Equal("held", statement["status"]!.GetValue<string>());
        var detail = await client.GetAsync($"/api/v1/commissions/statements/{statement["id"]}", partner.Token);
        Assert.Equal(detail["total"]!["amount"]!.GetValue<long>(), detail["lines"]!.AsArray().Sum(l => l!["amount"]!["amount"]!.GetValue<long>()));
        Assert.Equal(statement["id"]!.GetValue<string>(), (await client.GetAsync($"/api/v1/commissions?month={month}", partner.Token))["statement_id"]!.GetValue<string>());

        // Held without a PayPal e-mail; released when one is given, then paid out once by the operator.
        var payout = $"/api/v1/admin/commissions/statements/{statement["id"]}/payout";
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, payout, new { payout_reference = "PP-1" }, asOperator: true), HttpStatusCode.Conflict);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me", new { paypal_email = "payouts@agency.test" }, partner.Token), HttpStatusCode.OK);
        Assert.Equal("pending", (await client.GetAsync($"/api/v1/commissions/statements/{statement["id"]}", partner.Token))["status"]!.GetValue<string>());
        Assert.Equal([statement["id"]!.GetValue<string>()], await OperatorStatementIdsAsync("pending", partner.Id));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, payout, new { payout_reference = "PP-1" }, partner.Token), HttpStatusCode.Forbidden);
        var paid = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, payout, new { payout_reference = "PP-1" }, asOperator: true), HttpStatusCode.OK);
        Assert.Equal("paid", paid["status"]!.GetValue<string>());
        Assert.Equal("PP-1", paid["payout_reference"]!.GetValue<string>());
        Assert.Empty(await OperatorStatementIdsAsync("pending", partner.Id));
        Assert.Equal([statement["id"]!.GetValue<string>()], await OperatorStatementIdsAsync("paid", partner.Id));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, payout, new { payout_reference = "PP-2" }, asOperator: true), HttpStatusCode.Conflict);
        var mail = await MailFolder.WaitForMailAsync(partner.Email, $"Commission statement {month} paid", Eventually.Propagation);
        Assert.Contains("PP-1", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commissions_stay_with_their_partner_and_bad_queries_are_problems()
    {
        var partner = await client.CreatePartnerAsync();
        var other = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/commissions?month=2026-13", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/commissions?month=november", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/commissions/statements?page_size=0", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/commissions/statements/cst_0190a0b0c0d0e0f00000000000000000", token: other.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/commissions/statements/cst_0190a0b0c0d0e0f00000000000000000/payout", new { payout_reference = "x" }, asOperator: true), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/commissions/statements/nope/payout", new { payout_reference = "" }, asOperator: true), HttpStatusCode.BadRequest);
        Assert.Empty((await client.GetAsync("/api/v1/commissions/statements", other.Token))["data"]!.AsArray());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/commission-statements?status=owed", asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/commission-statements?partner_id=nope", asOperator: true), HttpStatusCode.BadRequest);
        Assert.Empty(await OperatorStatementIdsAsync("all", other.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, "/api/v1/admin/commission-statements", token: partner.Token)).StatusCode);
    }

    private async Task<JsonNode> CreateCustomerPaidAccountAsync(Partner partner, string billingProfileId) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
        {
            name = GatewayClient.NewAccountName(),
            customer = new { name = "Client Co", email = "it@client.test" },
            notification_email = "billing@agency.test",
            language = "en",
            time_zone = "Europe/Paris",
            plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" },
            billing_profile_id = billingProfileId,
            payer = "customer",
        }, partner.Token), HttpStatusCode.Created);

    public void Dispose() => client.Dispose();

    private async Task<List<string>> OperatorStatementIdsAsync(string status, string partnerId) =>
        [.. (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/commission-statements?status={status}&partner_id={partnerId}", asOperator: true),
            HttpStatusCode.OK))["data"]!.AsArray().Select(s => s!["id"]!.GetValue<string>())];
}
