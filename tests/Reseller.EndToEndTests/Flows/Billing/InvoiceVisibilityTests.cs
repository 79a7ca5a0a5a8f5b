using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Billing;

public sealed class InvoiceVisibilityTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private async Task<string> CustomerTokenAsync(Partner partner, string accountId) =>
        await AccountTokens.MintAsync(system, partner.Id, accountId, await SandboxClock.NowAsync(client));

    private async Task<string> CreateAccountAsync(Partner partner, string card, string payer)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), card)))!.AsObject();
        body["payer"] = payer;
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body.ToJsonString(), partner.Token), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        await client.WaitForAccountAsync(partner, id, a => a["status"]!.GetValue<string>() != "pending", BillingFlows.Settle);
        return id;
    }

    [Fact]
    public async Task A_customer_paid_invoice_is_the_customers_alone_and_a_partner_paid_one_the_partners_alone()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var customerPaid = await CreateAccountAsync(partner, card, "customer");
        var partnerPaid = await CreateAccountAsync(partner, card, "partner");
        var customer = await CustomerTokenAsync(partner, customerPaid);
        var otherCustomer = await CustomerTokenAsync(partner, partnerPaid);

        // The customer sees its own account's invoice, at list price.
        var mine = await Eventually.ReadAsync(
            async () => (await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, "/api/v1/invoices", customer), HttpStatusCode.OK))["data"]!.AsArray(),
            invoices => invoices.Count > 0,
            BillingFlows.Settle);
        var invoice = Assert.Single(mine)!;
        Assert.Equal("customer", invoice["payer"]!.GetValue<string>());
        Assert.Equal(4900, invoice["total"]!["amount"]!.GetValue<long>());
        var invoicePath = $"/api/v1/invoices/{invoice["id"]!.GetValue<string>()}";
        Assert.Equal(HttpStatusCode.OK, (await BillingFlows.GetAsync(client, invoicePath, customer, "text/csv")).StatusCode);

        // The partner never sees it: not in its list, 404 by id.
        Assert.Empty(await client.InvoicesOfAsync(partner, customerPaid));
        await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, invoicePath, partner.Token), HttpStatusCode.NotFound);

        // The partner-paid account's invoice: the partner's, never its customer's; another account's customer sees neither.
        var partnerInvoice = await BillingFlows.FirstInvoiceAsync(client, partner, partnerPaid);
        Assert.Equal(4410, partnerInvoice["total"]!["amount"]!.GetValue<long>());
        Assert.Empty((await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, "/api/v1/invoices", otherCustomer), HttpStatusCode.OK))["data"]!.AsArray());
        await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, $"/api/v1/invoices/{partnerInvoice["id"]!.GetValue<string>()}", otherCustomer), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, invoicePath, otherCustomer), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_customer_creates_its_own_billing_profile_which_its_partner_never_sees()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = await CreateAccountAsync(partner, card, "customer");
        var customer = await CustomerTokenAsync(partner, accountId);

        var own = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Client card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, customer), HttpStatusCode.Created);
        var ownId = own["id"]!.GetValue<string>();
        Assert.Equal("4242", own["last4"]!.GetValue<string>());

        var customerList = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: customer), HttpStatusCode.OK))["data"]!.AsArray();
        // Besides its new card, the customer holds its own copy of the card its account was created on; never the partner's profile.
        Assert.Contains(ownId, customerList.Select(p => p!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(card, customerList.Select(p => p!["id"]!.GetValue<string>()));
        var partnerList = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: partner.Token), HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal([card], partnerList.Select(p => p!["id"]!.GetValue<string>()).ToArray());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{ownId}", token: partner.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{ownId}", token: partner.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{card}", token: customer), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_partner_user_sees_and_spends_no_money_but_may_look_a_profile_up()
    {
        var (partner, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var member = await AccountTokens.MintMemberAsync(system, partner.Id, await SandboxClock.NowAsync(client));
        var card = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: partner.Token), HttpStatusCode.OK))["data"]![0]!["id"]!.GetValue<string>();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices/{invoice["id"]!.GetValue<string>()}", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{card}", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Member card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, member), HttpStatusCode.Forbidden);
        // Accounts checks a chosen profile on the caller's own credentials, so looking one up stays open to any partner user.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{card}", token: member)).StatusCode);
    }

    [Fact]
    public async Task Bad_queries_on_invoices_are_400_problem_details()
    {
        var partner = await client.CreatePartnerAsync();
        var status = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?status=bogus", token: partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(status["errors"]!["status"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?page_token=xyz", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?page_size=0", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?page_size=abc", token: partner.Token), HttpStatusCode.BadRequest);
        Assert.Empty((await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?account_id=acc_nope", token: partner.Token), HttpStatusCode.OK))["data"]!.AsArray());
    }

    public void Dispose() => client.Dispose();
}
