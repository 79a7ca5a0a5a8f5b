using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows;

/// <summary>The first flow of the platform, through the gateway, across Partners, Accounts, RabbitMQ and Billing.</summary>
public sealed class FirstPaidAccountTests(ResellerSystem system) : IDisposable
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(45);
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_paid_account_is_charged_4410_cents_and_becomes_active()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);

        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), profileId), partner.Token), HttpStatusCode.Created);
        var accountId = created["id"]!.GetValue<string>();

        Assert.Equal("pending", created["status"]!.GetValue<string>());
        Assert.Equal("admin", created["login"]!["username"]!.GetValue<string>());
        Assert.True(created["login"]!["password"]!.GetValue<string>().Length >= 16);

        var account = await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() != "pending", SettleTimeout);
        Assert.Equal("active", account["status"]!.GetValue<string>());
        Assert.Null(account["login"]);
        Assert.NotNull(account["current_period_end"]);

        var invoices = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices?account_id={accountId}", token: partner.Token), HttpStatusCode.OK);
        var invoice = Assert.Single(invoices["data"]!.AsArray())!;
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        Assert.Equal(4410, invoice["total"]!["amount"]!.GetValue<long>());
        Assert.Equal("USD", invoice["total"]!["currency"]!.GetValue<string>());
        Assert.Equal(4900, invoice["subtotal"]!["amount"]!.GetValue<long>());
        Assert.Equal(10, invoice["discount_percent"]!.GetValue<int>());
        Assert.Equal(4410, invoice["card_charged"]!["amount"]!.GetValue<long>());
        Assert.Equal(0, invoice["amount_due"]!["amount"]!.GetValue<long>());
        Assert.Matches(@"^RSL-\d{4}-\d{6}$", invoice["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_card_leaves_the_account_payment_failed_and_the_invoice_open()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);

        var account = await client.CreateSettledAccountAsync(partner, profileId);
        Assert.Equal("payment_failed", account["status"]!.GetValue<string>());

        var invoice = Assert.Single(await client.InvoicesOfAsync(partner, account["id"]!.GetValue<string>()))!;
        Assert.Equal("open", invoice["status"]!.GetValue<string>());
        Assert.Equal(4410, invoice["amount_due"]!["amount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Another_partner_gets_404_for_the_account_and_its_invoice()
    {
        var owner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(owner, GatewayClient.GoodCard);
        var accountId = (await client.CreateSettledAccountAsync(owner, profileId))["id"]!.GetValue<string>();
        var invoiceId = (await client.InvoicesOfAsync(owner, accountId))[0]!["id"]!.GetValue<string>();

        var stranger = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}", token: stranger.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices/{invoiceId}", token: stranger.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{profileId}", token: stranger.Token), HttpStatusCode.NotFound);
        var strangersView = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices?account_id={accountId}", token: stranger.Token), HttpStatusCode.OK);
        Assert.Empty(strangersView["data"]!.AsArray());
    }

    [Fact]
    public async Task An_account_cannot_be_charged_to_another_partners_billing_profile()
    {
        var owner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(owner, GatewayClient.GoodCard);
        var stranger = await client.CreatePartnerAsync();

        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), profileId), stranger.Token), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["billing_profile_id"]);
    }

    public void Dispose() => client.Dispose();
}
