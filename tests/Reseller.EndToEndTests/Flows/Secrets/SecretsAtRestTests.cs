using System.Net;

using Reseller.EndToEndTests.Flows.Accounts;
using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>
/// A one-time secret (reset, invitation, log-in-as, transfer confirmation) lives only in the mail or the answer that hands
/// it out: no outbox row of any service and no message on the broker carries it, while its link still works.
/// </summary>
public sealed class SecretsAtRestTests(ResellerSystem system) : IDisposable
{
    private const string NewPassword = "a brand new passphrase";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);
    private readonly GatewayClient client = system.Client();
    private SecretSearch Search => new(system, client);

    [Fact]
    public async Task A_partner_password_reset_link_is_only_in_the_mail()
    {
        var tap = await BrokerTap.OpenAsync(system);
        var partner = await client.CreatePartnerAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset", new { email = partner.Email })).StatusCode);
        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(partner.Email, "Reset your password", MailTimeout));

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm", new { token, new_password = NewPassword })).StatusCode);
        Assert.False(string.IsNullOrEmpty(await client.TokenAsync(partner.Email, NewPassword)));
        await Search.AssertOnlyInTheMailAsync(tap, token, partner.Email);
    }

    [Fact]
    public async Task A_partner_invitation_link_is_only_in_the_mail()
    {
        var tap = await BrokerTap.OpenAsync(system);
        var partner = await client.CreatePartnerAsync();
        var email = $"member-{Guid.NewGuid():N}@agency.test";

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email, role = "member" }, partner.Token), HttpStatusCode.Created);
        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(email, "invited", MailTimeout));

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{token}/accept", new { password = NewPassword }), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(await client.TokenAsync(email, NewPassword)));
        await Search.AssertOnlyInTheMailAsync(tap, token, email);
    }

    [Fact]
    public async Task An_account_invitation_link_is_only_in_the_mail()
    {
        var tap = await BrokerTap.OpenAsync(system);
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var email = $"cust-{Guid.NewGuid():N}@client.test";

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/invitations", new { name = "Cust", email }, partner.Token), HttpStatusCode.Created);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations", timeout: MailTimeout);

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{token}/accept", new { password = NewPassword }), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(account["name"]!.GetValue<string>(), email, NewPassword)));
        await Search.AssertOnlyInTheMailAsync(tap, token, email);
    }

    [Fact]
    public async Task An_account_password_reset_link_is_only_in_the_mail()
    {
        var tap = await BrokerTap.OpenAsync(system);
        var partner = await client.CreatePartnerAsync();
        var email = $"owner-{Guid.NewGuid():N}@client.test";
        var account = await client.CreateTrialAsync(partner, email);
        var name = account["name"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email })).StatusCode);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "password-reset", timeout: MailTimeout);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token, new_password = NewPassword })).StatusCode);
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", NewPassword)));
        await Search.AssertOnlyInTheMailAsync(tap, token, email);
    }

    [Fact]
    public async Task A_log_in_as_link_is_only_in_the_answer()
    {
        var tap = await BrokerTap.OpenAsync(system);
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);

        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var token = DashboardLink.TokenOf(url);

        var session = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{token}"), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(session["access_token"]!.GetValue<string>()));
        await Search.AssertOnlyInTheMailAsync(tap, token, recipient: null);
    }

    [Fact]
    public async Task A_transfer_confirmation_link_is_only_in_the_mail()
    {
        var tap = await BrokerTap.OpenAsync(system);
        var (_, _, account) = await new AccountKit(system, client).ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var next = await client.CreatePartnerAsync();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);

        await GatewayClient.JsonAsync(await client.TransferInAsync(id, next.Id), HttpStatusCode.Accepted);
        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", MailTimeout));

        var confirmed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{token}/confirm"), HttpStatusCode.OK);
        Assert.Equal(next.Id, confirmed["partner_id"]!.GetValue<string>());
        await Search.AssertOnlyInTheMailAsync(tap, token, owner);
    }

    public void Dispose() => client.Dispose();
}
