using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Partners;

public sealed class PartnerUserRoleTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private async Task<string> UserIdAsync(string token, string email) =>
        (await client.GetAsync("/api/v1/partners/me/users?page_size=100", token))["data"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == email)!["id"]!.GetValue<string>();

    private Task<HttpResponseMessage> ChangeRoleAsync(string id, object body, string token) =>
        client.SendAsync(HttpMethod.Patch, $"/api/v1/partners/me/users/{id}", body, token);

    [Fact]
    public async Task An_owner_changes_a_users_role_which_applies_at_its_next_sign_in_but_never_demotes_the_last_owner()
    {
        var partner = await client.CreatePartnerAsync();
        var other = await client.CreatePartnerAsync();
        var (memberEmail, member) = await client.AddUserAsync(partner, "member");
        var memberId = await UserIdAsync(partner.Token, memberEmail);
        var ownerId = await UserIdAsync(partner.Token, partner.Email);

        await ProblemAssert.IsAsync(await ChangeRoleAsync(ownerId, new { role = "member" }, member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await ChangeRoleAsync(memberId, new { role = "owner" }, other.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await ChangeRoleAsync(memberId, new { role = "admin" }, partner.Token), HttpStatusCode.BadRequest);
        var lastOwner = await ProblemAssert.IsAsync(await ChangeRoleAsync(ownerId, new { role = "billing" }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("/last-owner", lastOwner["type"]!.GetValue<string>(), StringComparison.Ordinal);

        var promoted = await GatewayClient.JsonAsync(await ChangeRoleAsync(memberId, new { role = "owner" }, partner.Token), HttpStatusCode.OK);
        Assert.Equal("owner", promoted["role"]!.GetValue<string>());
        // The member's token still says member: its session ended, and its next sign-in carries the new role.
        var oldSession = await Eventually.ReadAsync(
            async () => (await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me/users", token: member)).StatusCode,
            status => status == HttpStatusCode.Unauthorized, Eventually.Propagation, "the promoted member's old token to be refused");
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession);
        var newOwner = await client.TokenAsync(memberEmail, PartnerScenarios.NewPassword);

        var demoted = await GatewayClient.JsonAsync(await ChangeRoleAsync(ownerId, new { role = "billing" }, newOwner), HttpStatusCode.OK);
        Assert.Equal("billing", demoted["role"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await ChangeRoleAsync(memberId, new { role = "member" }, newOwner), HttpStatusCode.Conflict);
        var team = (await client.GetAsync("/api/v1/partners/me/users", newOwner))["data"]!.AsArray();
        Assert.Equal("billing", team.Single(u => u!["id"]!.GetValue<string>() == ownerId)!["role"]!.GetValue<string>());
    }

    public void Dispose() => client.Dispose();
}
