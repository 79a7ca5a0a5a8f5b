using System.Net;

using Reseller.EndToEndTests.Flows.Accounts;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

/// <summary>"Access follows the account" (docs/business-rules.md): logins and links work only while it is in service, and a move hands it over.</summary>
[RunsAlone]
public sealed class AccessFollowsTheAccountTests(ResellerSystem system) : IDisposable
{
    private const string NotInService = "https://reseller.dev/problems/account-not-in-service";

    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task After_a_move_out_the_former_partner_has_no_way_in_and_the_owner_chooses_its_password()
    {
        var partner = await client.CreatePartnerAsync();
        var customerEmail = $"client-{Guid.NewGuid():N}@client.test";
        var account = await client.CreateTrialAsync(partner, customerEmail);
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        var knownPassword = account["login"]!["password"]!.GetValue<string>();

        // What the partner holds before the move: the admin password, a log-in-as link, a reset link and an open invitation.
        var loginAs = await LoginLinkTokenAsync(partner, id);
        await RequestResetAsync(name, customerEmail);
        var reset = await IdentityScenario.WaitForMailedTokenAsync(customerEmail, "password-reset");
        var staff = $"staff-{Guid.NewGuid():N}@agency.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Agency Staff", email = staff }, partner.Token), HttpStatusCode.Created);
        var invitation = await IdentityScenario.WaitForMailedTokenAsync(staff, "invitations");

        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);

        await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", knownPassword), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{loginAs}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await ConfirmResetAsync(reset, "the partner keeps it"), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{invitation}/accept", new { password = "agency staff pw" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", token: partner.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/admin-password", new { password = "the partner sets it" }, partner.Token), HttpStatusCode.NotFound);

        var handover = await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset");
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmResetAsync(handover, "the owners own secret")).StatusCode);
        var ownerToken = await client.AccountTokenAsync(name, "admin", "the owners own secret");
        var seen = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: ownerToken), HttpStatusCode.OK);
        Assert.Equal("transferred", seen["status"]!.GetValue<string>());

        // A forgotten password is now the owner's to reset: the address the partner entered gets nothing (the owner's mail is the later marker).
        await RequestResetAsync(name, customerEmail);
        await RequestResetAsync(name, owner);
        await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset", atLeast: 2);
        Assert.Single(MailFolder.MailsTo(customerEmail), m => m.Contains("/password-reset?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_move_in_replaces_the_stand_alone_password_and_mails_the_owner_a_new_link()
    {
        var first = await client.CreatePartnerAsync();
        var second = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(first);
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);
        var handedOut = await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset");
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmResetAsync(handedOut, "stand-alone secret")).StatusCode);
        await RequestResetAsync(name, owner);
        var openReset = await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset", atLeast: 2);

        await GatewayClient.JsonAsync(await client.TransferInAsync(id, second.Id), HttpStatusCode.Accepted);
        var confirmation = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", Eventually.Propagation));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{confirmation}/confirm"), HttpStatusCode.OK);

        await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", "stand-alone secret"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await ConfirmResetAsync(openReset, "an old link's password"), HttpStatusCode.NotFound);
        var handedIn = await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset", atLeast: 3);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmResetAsync(handedIn, "managed by the agency")).StatusCode);
        var ownerToken = await client.AccountTokenAsync(name, "admin", "managed by the agency");
        var seen = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: ownerToken), HttpStatusCode.OK);
        Assert.Equal("trial", seen["status"]!.GetValue<string>()); // a trial moved in runs on as the trial it was
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{await LoginLinkTokenAsync(second, id)}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_paid_account_opens_only_once_its_first_charge_succeeds()
    {
        var partner = await client.CreatePartnerAsync();
        var declined = await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);
        var good = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = await client.CreateAccountAsync(partner, declined);
        Assert.Equal("pending", created["status"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();
        var name = created["name"]!.GetValue<string>();
        var password = created["login"]!["password"]!.GetValue<string>();
        var customer = $"cust-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Cust", email = customer }, partner.Token), HttpStatusCode.Created);
        var invitation = await IdentityScenario.WaitForMailedTokenAsync(customer, "invitations");
        await Kit.WaitForStatusAsync(partner, id, "payment_failed");

        // Its first charge never succeeded: the password handed out at creation, an invitation and log-in-as all wait.
        var refused = await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", password), HttpStatusCode.Forbidden);
        Assert.Equal(NotInService, refused["type"]!.GetValue<string>());
        Assert.Contains("payment_failed", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var accept = $"/api/v1/invitations/{invitation}/accept";
        Assert.Equal(NotInService, (await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, accept, new { password = "customer secret" }), HttpStatusCode.Forbidden))["type"]!.GetValue<string>());
        Assert.Equal(NotInService, (await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", token: partner.Token), HttpStatusCode.Forbidden))["type"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", "not the password"), HttpStatusCode.Unauthorized);

        await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { billing_profile_id = good }, partner);
        await Kit.WaitForStatusAsync(partner, id, "active");

        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", password)));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, accept, new { password = "customer secret" }), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, customer, "customer secret")));
    }

    [Fact]
    public async Task An_expired_trial_refuses_its_admin_password()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        var password = account["login"]!["password"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", password)));

        partner = await Kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        await Kit.WaitForStatusAsync(partner, id, "expired");

        var refused = await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", password), HttpStatusCode.Forbidden);
        Assert.Equal(NotInService, refused["type"]!.GetValue<string>());
    }

    private async Task<string> LoginLinkTokenAsync(Partner partner, string accountId)
    {
        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{accountId}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        return DashboardLink.TokenOf(url);
    }

    private async Task RequestResetAsync(string account, string email) =>
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account, email })).StatusCode);

    private Task<HttpResponseMessage> ConfirmResetAsync(string token, string newPassword) =>
        client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token, new_password = newPassword });

    public void Dispose() => client.Dispose();
}
