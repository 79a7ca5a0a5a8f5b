using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

/// <summary>The partner takes a customer's access back: a login removed, an invitation withdrawn.</summary>
public sealed class AccessRemovalTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_removed_customer_can_no_longer_log_in_and_may_be_invited_again_while_the_admin_stays()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        var email = $"leaver-{Guid.NewGuid():N}@client.test";
        await InviteAsync(partner, id, email);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{token}/accept", new { password = "leavers own secret" }), HttpStatusCode.OK);
        await client.AccountTokenAsync(name, email, "leavers own secret");
        var users = await UsersAsync(partner, id);
        var admin = users.Single(u => u["username"]!.GetValue<string>() == "admin")["id"]!.GetValue<string>();
        var customer = users.Single(u => u["username"]!.GetValue<string>() == email)["id"]!.GetValue<string>();

        var adminKept = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/accounts/{id}/users/{admin}", token: partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("/admin-not-removable", adminKept["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var removed = await client.SendAsync(HttpMethod.Delete, $"/api/v1/accounts/{id}/users/{customer}", token: partner.Token);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, email, "leavers own secret"), HttpStatusCode.Unauthorized);
        Assert.Equal(new[] { "admin" }, (await UsersAsync(partner, id)).Select(u => u["username"]!.GetValue<string>()));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/accounts/{id}/users/{customer}", token: partner.Token), HttpStatusCode.NotFound);
        await client.AccountTokenAsync(name, "admin", account["login"]!["password"]!.GetValue<string>());
        var again = await InviteAsync(partner, id, email);
        Assert.Equal("invited", again["status"]!.GetValue<string>());
        var audit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit", token: partner.Token), HttpStatusCode.OK);
        Assert.Contains(audit["data"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "user.removed" && e["detail"]!.GetValue<string>() == email);
    }

    [Fact]
    public async Task A_withdrawn_invitation_link_no_longer_works_and_an_accepted_one_cannot_be_withdrawn()
    {
        var partner = await client.CreatePartnerAsync();
        var id = (await client.CreateTrialAsync(partner))["id"]!.GetValue<string>();
        var withdrawnEmail = $"maybe-{Guid.NewGuid():N}@client.test";
        var withdrawn = await InviteAsync(partner, id, withdrawnEmail);
        var link = await IdentityScenario.WaitForMailedTokenAsync(withdrawnEmail, "invitations");

        var revoked = await client.SendAsync(HttpMethod.Delete, $"/api/v1/accounts/{id}/invitations/{withdrawn["id"]}", token: partner.Token);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{link}/accept", new { password = "too late for me" }), HttpStatusCode.NotFound);
        var acceptedEmail = $"kept-{Guid.NewGuid():N}@client.test";
        var accepted = await InviteAsync(partner, id, acceptedEmail);
        var acceptedLink = await IdentityScenario.WaitForMailedTokenAsync(acceptedEmail, "invitations");
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{acceptedLink}/accept", new { password = "i am staying here" }), HttpStatusCode.OK);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/accounts/{id}/invitations/{accepted["id"]}", token: partner.Token), HttpStatusCode.Conflict);
        var invitations = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/invitations", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(new[] { acceptedEmail }, invitations["data"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()));
        Assert.Equal("invited", (await InviteAsync(partner, id, withdrawnEmail))["status"]!.GetValue<string>());
    }

    private async Task<JsonNode> InviteAsync(Partner partner, string accountId, string email) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{accountId}/invitations", new { name = "Client person", email }, partner.Token),
            HttpStatusCode.Created);

    private async Task<IReadOnlyList<JsonNode>> UsersAsync(Partner partner, string accountId) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}/users", token: partner.Token), HttpStatusCode.OK))["data"]!
            .AsArray().Select(u => u!).ToList();

    public void Dispose() => client.Dispose();
}
