using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

public sealed class AccountScopeTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_account_token_reads_its_own_account_without_billing_when_the_partner_pays_and_no_other()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var sibling = await client.CreateTrialAsync(partner);
        var token = await client.AdminTokenAsync(account);

        var own = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{account["id"]}", token: token), HttpStatusCode.OK);
        Assert.Equal(account["name"]!.GetValue<string>(), own["name"]!.GetValue<string>());
        Assert.Equal("fr", own["language"]!.GetValue<string>());
        Assert.Null(own["billing"]);
        Assert.Null(own["billing_profile_id"]);
        Assert.Null(own["payer"]);
        Assert.Null(own["customer"]);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{sibling["id"]}", token: token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/accounts/acc_not-an-id", token: token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_account_token_changes_language_and_time_zone_but_never_billing_or_contacts()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var token = await client.AdminTokenAsync(account);

        var changed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { language = "de", time_zone = "Europe/Berlin" }, token), HttpStatusCode.OK);
        Assert.Equal("de", changed["language"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", changed["time_zone"]!.GetValue<string>());

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { notification_email = "me@client.test" }, token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { billing_profile_id = "bp_00000000000000000000000000000000" }, token), HttpStatusCode.Forbidden);
        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { language = "klingon", time_zone = "Mars/Olympus" }, token), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["language"]);
        Assert.NotNull(bad["errors"]!["time_zone"]);

        var seenByPartner = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("de", seenByPartner["language"]!.GetValue<string>());
        Assert.Equal("billing@agency.test", seenByPartner["notification_email"]!.GetValue<string>());
        var audit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit", token: partner.Token), HttpStatusCode.OK);
        Assert.Contains(audit["data"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "account.settings_changed"
            && e["actor"]!.GetValue<string>().StartsWith("account_user:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partner_endpoints_refuse_an_account_token()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var token = await client.AdminTokenAsync(account);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", IdentityScenario.TrialAccount(GatewayClient.NewAccountName()), token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit", token: token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", token: token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Me", email = "me@client.test" }, token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/admin-password", new { password = "another long one" }, token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/settings/account-defaults", token: token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/users", token: token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/snapshots", token: token), HttpStatusCode.Forbidden);
        // Billing answers an account token with the customer's own invoices and cards only: none while the partner pays.
        var invoices = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices", token: token), HttpStatusCode.OK);
        Assert.Empty(invoices["data"]!.AsArray());
        var profiles = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: token), HttpStatusCode.OK);
        Assert.Empty(profiles["data"]!.AsArray());
    }

    public void Dispose() => client.Dispose();
}
