using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

[RunsAlone]
public sealed class LoginLinkTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_login_link_works_once_as_the_admin_and_both_steps_are_audited()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();

        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var token = DashboardLink.AssertPage(url, "/account/login-link", client.Http);

        var session = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{token}"), HttpStatusCode.OK);
        var jwt = session["access_token"]!.GetValue<string>();
        Assert.Equal("admin", IdentityScenario.Claims(jwt)["role"]!.GetValue<string>());
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: jwt), HttpStatusCode.OK);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{token}"), HttpStatusCode.Gone);

        var audit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit", token: partner.Token), HttpStatusCode.OK);
        var actions = audit["data"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "login_link.used", "login_link.created", "account.created" }, actions);
        Assert.All(audit["data"]!.AsArray(), e => Assert.StartsWith("partner_user:", e!["actor"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_login_link_dies_after_sixty_seconds()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var issuedFor = link["expires_at"]!.GetValue<DateTimeOffset>();

        var now = await SandboxClock.MoveByAsync(client, TimeSpan.FromSeconds(61));

        Assert.True(now > issuedFor);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{DashboardLink.TokenOf(url)}"), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Simultaneous_redemptions_of_one_link_let_exactly_one_in()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var token = DashboardLink.TokenOf(url);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{token}")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Gone, HttpStatusCode.Conflict }));
    }

    public void Dispose() => client.Dispose();
}
