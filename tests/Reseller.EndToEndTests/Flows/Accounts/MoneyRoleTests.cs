using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

/// <summary>
/// Money needs a partner owner or billing user (or an API key): a member manages accounts but never spends, and a log-in-as
/// token, which any partner user may obtain, opens the account's product settings, never its billing nor its payer.
/// </summary>
public sealed class MoneyRoleTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_member_creates_trials_and_edits_settings_but_no_paid_account_card_or_plan()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var (_, member) = await client.AddUserAsync(partner, "member");
        var paidName = GatewayClient.NewAccountName();

        await ForbiddenAsync(HttpMethod.Post, "/api/v1/accounts", GatewayClient.MarketingPlusMonthly(paidName, card), member);
        await ForbiddenAsync(HttpMethod.Post, "/api/v1/accounts", GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), null), member);
        var trialWithCard = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(IdentityScenario.TrialAccount(GatewayClient.NewAccountName())))!.AsObject();
        trialWithCard["billing_profile_id"] = card;
        await ForbiddenAsync(HttpMethod.Post, "/api/v1/accounts", trialWithCard.ToJsonString(), member);
        var found = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts?q={paidName}&status=all", token: partner.Token), HttpStatusCode.OK);
        Assert.Empty(found["data"]!.AsArray());

        // A trial costs nothing and names no card: a member may start one.
        var trial = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            IdentityScenario.TrialAccount(GatewayClient.NewAccountName()), member), HttpStatusCode.Created);
        Assert.Equal("trial", trial["status"]!.GetValue<string>());

        var paid = await client.CreateSettledAccountAsync(partner, card);
        var id = paid["id"]!.GetValue<string>();
        var otherCard = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        await ForbiddenAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { billing_profile_id = otherCard }, member);
        await ForbiddenAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { plan = new { product = "marketing", tier = "professional", contacts = 1000, cadence = "monthly" } }, member);
        await ForbiddenAsync(HttpMethod.Patch, $"/api/v1/accounts/{trial["id"]}", new { plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, member);
        var edited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { language = "de" }, member), HttpStatusCode.OK);
        Assert.Equal("de", edited["language"]!.GetValue<string>());
        Assert.Equal(card, edited["billing_profile_id"]!.GetValue<string>());
        Assert.Equal("plus", edited["plan"]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_log_in_as_token_reaches_neither_billing_nor_the_payer()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = await client.CreateAccountAsync(partner, card);
        var id = created["id"]!.GetValue<string>();
        await client.WaitForAccountAsync(partner, id, a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        var admin = await client.AdminTokenAsync(created);
        var own = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Client card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, admin), HttpStatusCode.Created);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer",
            new { payer = "customer", billing_profile_id = own["id"] }, admin), HttpStatusCode.OK);

        // Any partner user, a member included, may open the account as its admin.
        var (_, member) = await client.AddUserAsync(partner, "member");
        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", token: member), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var loginAs = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{DashboardLink.TokenOf(url)}"),
            HttpStatusCode.OK))["access_token"]!.GetValue<string>();
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: loginAs), HttpStatusCode.OK);

        await ForbiddenAsync(HttpMethod.Get, "/api/v1/invoices", null, loginAs);
        await ForbiddenAsync(HttpMethod.Get, "/api/v1/billing-profiles", null, loginAs);
        await ForbiddenAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{own["id"]}", null, loginAs);
        await ForbiddenAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Agency card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, loginAs);
        await ForbiddenAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "partner" }, loginAs);

        // The customer's own login still does.
        Assert.Single((await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: admin), HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Equal("customer", (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: partner.Token), HttpStatusCode.OK))["payer"]!.GetValue<string>());
    }

    private async Task ForbiddenAsync(HttpMethod method, string path, object? body, string token) =>
        await ProblemAssert.IsAsync(await client.SendAsync(method, path, body, token), HttpStatusCode.Forbidden);

    public void Dispose() => client.Dispose();
}
