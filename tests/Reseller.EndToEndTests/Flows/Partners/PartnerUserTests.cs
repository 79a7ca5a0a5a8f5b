using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Partners;

public sealed class PartnerUserTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_invited_member_logs_in_but_sees_no_billing_and_manages_no_keys()
    {
        var partner = await client.CreatePartnerAsync();
        var (_, member) = await client.AddUserAsync(partner, "member");

        Assert.Equal(partner.Id, (await client.GetAsync("/api/v1/partners/me", member))["id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/commissions", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "mine" }, member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/api-keys", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email = "x@agency.test", role = "owner" }, member), HttpStatusCode.Forbidden);

        var users = (await client.GetAsync("/api/v1/partners/me/users", partner.Token))["data"]!.AsArray();
        Assert.Equal(2, users.Count);
        Assert.Contains(users, u => u!["role"]!.GetValue<string>() == "member" && u["status"]!.GetValue<string>() == "active");
    }

    [Fact]
    public async Task A_billing_user_sees_commissions_and_an_invitation_link_works_once()
    {
        var partner = await client.CreatePartnerAsync();
        var email = $"billing-{Guid.NewGuid():N}@agency.test";
        var invited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email, role = "billing" }, partner.Token), HttpStatusCode.Created);
        Assert.Equal("invited", invited["status"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email, password = PartnerScenarios.NewPassword }), HttpStatusCode.Unauthorized);

        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(email, "invited", Eventually.Propagation));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{token}/accept", new { password = PartnerScenarios.NewPassword }), HttpStatusCode.OK);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{token}/accept", new { password = PartnerScenarios.NewPassword }), HttpStatusCode.Gone);

        var billing = await client.TokenAsync(email, PartnerScenarios.NewPassword);
        Assert.NotNull((await client.GetAsync("/api/v1/commissions", billing))["total"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email, role = "member" }, partner.Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_invitations_are_refused_as_problems()
    {
        var partner = await client.CreatePartnerAsync();

        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email = "nope", role = "admin" }, partner.Token), HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("email"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("role"));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/partner-invitations/unknown-token-0000000000/accept", new { password = PartnerScenarios.NewPassword }), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/partner-invitations/whatever-token-000000000/accept", new { password = "short" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_single_use_emailed_link()
    {
        var partner = await client.CreatePartnerAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset", new { email = partner.Email.ToUpperInvariant() })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset", new { email = $"nobody-{Guid.NewGuid():N}@agency.test" })).StatusCode);
        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(partner.Email, "Reset your password", Eventually.Propagation));

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm", new { token, new_password = PartnerScenarios.NewPassword })).StatusCode);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm", new { token, new_password = "yet another passphrase" }), HttpStatusCode.Gone);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = partner.Password }), HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(await client.TokenAsync(partner.Email, PartnerScenarios.NewPassword)));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm", new { token = "", new_password = "x" }), HttpStatusCode.BadRequest);
    }

    public void Dispose() => client.Dispose();
}
