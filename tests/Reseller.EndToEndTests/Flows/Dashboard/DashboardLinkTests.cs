using System.Net;
using System.Text.RegularExpressions;
using System.Web;

using Reseller.EndToEndTests.Flows.Accounts;
using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Dashboard;

/// <summary>
/// Every mailed link opens the dashboard's page for it at the system's public address (the gateway), and the page can
/// finish the flow with the public API alone: the token in the link (and what rides along with it) is all it needs.
/// </summary>
public sealed partial class DashboardLinkTests(ResellerSystem system) : IDisposable
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);
    private const string Password = "a customer's own passphrase";
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_customer_invitation_opens_the_accept_page_and_its_token_alone_lets_the_customer_in()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var email = $"invited-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/invitations",
            new { name = "Invited Person", email }, partner.Token), HttpStatusCode.Created);

        var link = LinkIn(await MailFolder.WaitForMailAsync(email, "You are invited to", MailTimeout));
        var token = DashboardLink.AssertPage(link, "/account/invitations/accept", client.Http);

        var accepted = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{token}/accept", new { password = Password }), HttpStatusCode.OK);
        Assert.Equal(account["name"]!.GetValue<string>(), accepted["account"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(accepted["account"]!.GetValue<string>(), accepted["username"]!.GetValue<string>(), Password)));
    }

    [Fact]
    public async Task An_account_password_reset_opens_the_reset_page_naming_the_account_to_sign_in_to_afterwards()
    {
        var partner = await client.CreatePartnerAsync();
        var email = $"admin-{Guid.NewGuid():N}@client.test";
        var account = await client.CreateTrialAsync(partner, email);
        var name = account["name"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email })).StatusCode);

        var link = LinkIn(await MailFolder.WaitForMailAsync(email, "Reset your password", MailTimeout));
        var token = DashboardLink.AssertPage(link, "/account/password-reset", client.Http);
        Assert.Equal(name, HttpUtility.ParseQueryString(new Uri(link).Query)["account"]);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token, new_password = Password })).StatusCode);
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", Password)));
    }

    [Fact]
    public async Task A_log_in_as_link_opens_the_login_link_page_and_its_token_alone_opens_the_account()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);

        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/login-link", token: partner.Token), HttpStatusCode.Created);
        var token = DashboardLink.AssertPage(link["url"]!.GetValue<string>(), "/account/login-link", client.Http);

        var session = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{token}"), HttpStatusCode.OK);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{account["id"]}", token: session["access_token"]!.GetValue<string>()), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_move_mails_the_owner_a_reset_page_and_a_move_in_a_confirmation_page_whose_tokens_work()
    {
        var (_, _, account) = await new AccountKit(system, client).ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);

        var handover = LinkIn(await MailFolder.WaitForMailAsync(owner, "Choose the password of", MailTimeout));
        var resetToken = DashboardLink.AssertPage(handover, "/account/password-reset", client.Http);
        Assert.Equal(name, HttpUtility.ParseQueryString(new Uri(handover).Query)["account"]);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token = resetToken, new_password = Password })).StatusCode);
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", Password)));

        var agency = await client.CreatePartnerAsync();
        await GatewayClient.JsonAsync(await client.TransferInAsync(id, agency.Id), HttpStatusCode.Accepted);
        var confirmation = LinkIn(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", MailTimeout));
        var confirmToken = DashboardLink.AssertPage(confirmation, "/account/transfers/confirm", client.Http);
        var confirmed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{confirmToken}/confirm"), HttpStatusCode.OK);
        Assert.Equal(agency.Id, confirmed["partner_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_team_invitation_and_a_partner_password_reset_open_the_partner_pages_and_their_tokens_work()
    {
        var partner = await client.CreatePartnerAsync();
        var email = $"member-{Guid.NewGuid():N}@agency.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email, role = "member" }, partner.Token), HttpStatusCode.Created);

        var invitation = LinkIn(await MailFolder.WaitForMailAsync(email, "invited", MailTimeout));
        var invitationToken = DashboardLink.AssertPage(invitation, "/partner/invitations/accept", client.Http);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{invitationToken}/accept", new { password = Password }), HttpStatusCode.OK);
        await client.TokenAsync(email, Password);

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset", new { email })).StatusCode);
        var reset = LinkIn(await MailFolder.WaitForMailAsync(email, "Reset your password", MailTimeout));
        var resetToken = DashboardLink.AssertPage(reset, "/partner/password-reset", client.Http);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm",
            new { token = resetToken, new_password = PartnerScenarios.NewPassword })).StatusCode);
        await client.TokenAsync(email, PartnerScenarios.NewPassword);
    }

    public void Dispose() => client.Dispose();

    private static string LinkIn(string mail) =>
        Link().Match(mail) is { Success: true } m ? m.Value : throw new InvalidOperationException("No link with a token in the mail:\n" + mail);

    [GeneratedRegex(@"https?://[^\s""'<>]+\?token=[A-Za-z0-9_\-]+(&[^\s""'<>]*)?")]
    private static partial Regex Link();
}
