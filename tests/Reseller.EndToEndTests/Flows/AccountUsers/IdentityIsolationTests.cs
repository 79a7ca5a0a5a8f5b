using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

public sealed class IdentityIsolationTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Every_identity_endpoint_answers_404_for_another_partners_account()
    {
        var owner = await client.CreatePartnerAsync();
        var stranger = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(owner);
        var id = account["id"]!.GetValue<string>();
        var invitation = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations",
            new { name = "Kim", email = $"kim-{Guid.NewGuid():N}@client.test" }, owner.Token), HttpStatusCode.Created);
        var admin = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/users", token: owner.Token), HttpStatusCode.OK))["data"]![0]!;

        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Eve", email = "eve@evil.test" }),
            (HttpMethod.Get, $"/api/v1/accounts/{id}/invitations", null),
            (HttpMethod.Post, $"/api/v1/accounts/{id}/invitations/{invitation["id"]}/resend", null),
            (HttpMethod.Delete, $"/api/v1/accounts/{id}/invitations/{invitation["id"]}", null),
            (HttpMethod.Delete, $"/api/v1/accounts/{id}/users/{admin["id"]}", null),
            (HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", null),
            (HttpMethod.Get, $"/api/v1/accounts/{id}/audit", null),
            (HttpMethod.Post, $"/api/v1/accounts/{id}/snapshots", null),
            (HttpMethod.Get, $"/api/v1/accounts/{id}/snapshots", null),
            (HttpMethod.Put, $"/api/v1/accounts/{id}/admin-password", new { password = "stolen password" }),
            (HttpMethod.Get, $"/api/v1/accounts/{id}/configuration", null),
            (HttpMethod.Get, $"/api/v1/accounts/{id}/users", null),
            (HttpMethod.Patch, $"/api/v1/accounts/{id}", new { language = "en" }),
            (HttpMethod.Get, $"/api/v1/accounts/{id}", null),
        };
        foreach (var (method, path, body) in calls)
        {
            await ProblemAssert.IsAsync(await client.SendAsync(method, path, body, stranger.Token), HttpStatusCode.NotFound);
        }

        var audit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit", token: owner.Token), HttpStatusCode.OK);
        Assert.DoesNotContain(audit["data"]!.AsArray(), e => e!["action"]!.GetValue<string>() is "login_link.created" or "snapshot.created" or "admin_password.set"
            or "invitation.revoked" or "user.removed");
        var invitations = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/invitations", token: owner.Token), HttpStatusCode.OK);
        Assert.Single(invitations["data"]!.AsArray());
    }

    [Fact]
    public async Task The_audit_trail_pages_newest_first_without_gaps_or_repeats()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        for (var i = 0; i < 4; i++)
        {
            await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/snapshots", new { label = $"s{i}" }, partner.Token), HttpStatusCode.Created);
        }

        var seen = new List<string>();
        string? pageToken = null;
        do
        {
            var page = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get,
                $"/api/v1/accounts/{id}/audit?page_size=2" + (pageToken is null ? "" : $"&page_token={pageToken}"), token: partner.Token), HttpStatusCode.OK);
            Assert.InRange(page["data"]!.AsArray().Count, 1, 2);
            seen.AddRange(page["data"]!.AsArray().Select(e => e!["action"]!.GetValue<string>() + "/" + e["detail"]?.GetValue<string>()));
            pageToken = page["next_page_token"]?.GetValue<string>();
        }
        while (pageToken is not null);

        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.StartsWith("account.created", seen[^1], StringComparison.Ordinal);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit?page_size=0", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit?page_size=abc", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit?page_token=garbage", token: partner.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_identity_endpoint_answers_bad_input_with_a_4xx_problem_never_500()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var adminToken = await client.AdminTokenAsync(account);
        var huge = new string('x', 200_000); // four of them stay under the 1 MB body limit: the fields' own limits answer
        var bodies = new[] { "{", "[]", "null", "{\"unknown_field\": 1}", $"{{\"name\": \"{huge}\", \"email\": \"{huge}\", \"password\": \"{huge}\", \"label\": \"{huge}\"}}", "{\"name\": 1, \"email\": true, \"password\": 2147483648, \"label\": []}" };
        var targets = new (HttpMethod Method, string Path, string? Token)[]
        {
            (HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", partner.Token),
            (HttpMethod.Post, $"/api/v1/accounts/{id}/snapshots", partner.Token),
            (HttpMethod.Put, $"/api/v1/accounts/{id}/admin-password", partner.Token),
            (HttpMethod.Put, "/api/v1/settings/account-defaults", partner.Token),
            (HttpMethod.Patch, $"/api/v1/accounts/{id}", adminToken),
            (HttpMethod.Post, "/api/v1/invitations/some-token/accept", null),
            (HttpMethod.Post, "/api/v1/auth/account-token", null),
            (HttpMethod.Post, "/api/v1/auth/account-password-reset", null),
            (HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", null),
        };
        foreach (var (method, path, token) in targets)
        {
            // A snapshot's body is optional: a JSON null is no body at all.
            foreach (var body in bodies.Where(b => !(b == "null" && path.EndsWith("/snapshots", StringComparison.Ordinal))))
            {
                var response = await client.SendAsync(method, path, body, token);
                var status = (int)response.StatusCode;
                Assert.True(status is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{method} {path} with {body[..Math.Min(body.Length, 40)]} answered {status} {response.Content.Headers.ContentType}");
            }
        }
        var colours = await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", "{\"branding\": {\"colors\": {\"primary\": null}}, \"templates\": [null, {\"name\": \"a\", \"tags\": [null], \"html\": \"x\"}]}", partner.Token);
        await ProblemAssert.IsAsync(colours, HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{new string('z', 4000)}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_login_bodies_are_4xx_problems_never_500()
    {
        foreach (var body in new[] { "{", "[]", "{\"account\": 1, \"username\": true, \"password\": null}", "{\"account\": \"a\", \"username\": \"b\", \"password\": \"c\", \"extra\": 1}" })
        {
            var response = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-token", body);
            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var huge = await client.AccountLoginAsync(new string('a', 10_000), "admin", "whatever pw");
        await ProblemAssert.IsAsync(huge, HttpStatusCode.BadRequest);
    }

    public void Dispose() => client.Dispose();
}
