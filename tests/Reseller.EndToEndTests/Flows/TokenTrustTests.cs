using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows;

/// <summary>
/// Tokens are signed ES256 by their issuing service only, checked against its published keys, and end with the session;
/// internal endpoints take only the calling service's own token; the operator's key never reaches a log.
/// </summary>
public sealed class TokenTrustTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_removed_partner_users_token_is_refused_by_the_gateway_and_every_service()
    {
        var partner = await client.CreatePartnerAsync();
        var (memberEmail, member) = await client.AddUserAsync(partner, "member");
        var memberId = (await client.GetAsync("/api/v1/partners/me/users?page_size=100", partner.Token))["data"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == memberEmail)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/accounts", token: member)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{memberId}", token: partner.Token)).StatusCode);

        await RefusedAsync(() => client.SendAsync(HttpMethod.Get, "/api/v1/accounts", token: member));
        await RefusedAsync(() => client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: member));
        foreach (var (service, path) in new[] { ("accounts", "/api/v1/accounts"), ("billing", "/api/v1/billing-profiles"), ("credits", "/api/v1/credits"), ("partners", "/api/v1/partners/me") })
        {
            await RefusedAsync(() => DirectAsync(service, HttpMethod.Get, path, bearer: member));
        }
        // The owner's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/accounts", token: partner.Token)).StatusCode);
    }

    [Fact]
    public async Task Moving_an_account_out_ends_the_sessions_of_its_users()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var admin = await client.AdminTokenAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: admin)).StatusCode);

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = $"owner-{Guid.NewGuid():N}@client.test" }, asOperator: true), HttpStatusCode.OK);

        await RefusedAsync(() => client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: admin));
    }

    [Fact]
    public async Task A_token_signed_with_a_key_that_is_not_its_issuers_is_refused()
    {
        var partner = await client.CreatePartnerAsync();
        var claims = new Dictionary<string, object>
        {
            ["kind"] = "partner_user",
            ["role"] = "owner",
            ["partner_id"] = partner.Id[(partner.Id.IndexOf('_', StringComparison.Ordinal) + 1)..],
            ["sub"] = Guid.NewGuid().ToString(),
            ["sv"] = "0",
        };
        var now = await SandboxClock.NowAsync(client);

        var genuine = await IssuerSignedTokens.SignAsync(system, "partners", claims, now, TimeSpan.FromHours(1));
        var underCreditsKey = await IssuerSignedTokens.SignAsync(system, "partners", claims, now, TimeSpan.FromHours(1), keyOf: "credits");
        var byCredits = await IssuerSignedTokens.SignAsync(system, "credits", claims, now, TimeSpan.FromHours(1));
        var byAccounts = await IssuerSignedTokens.SignAsync(system, "accounts", claims, now, TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/accounts", token: genuine)).StatusCode);
        foreach (var forged in new[] { underCreditsKey, byCredits, byAccounts })
        {
            await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/accounts", token: forged), HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.Unauthorized, (await DirectAsync("accounts", HttpMethod.Get, "/api/v1/accounts", bearer: forged)).StatusCode);
        }
    }

    [Fact]
    public async Task Every_issuer_serves_its_public_keys_and_nothing_private()
    {
        foreach (var issuer in new[] { "partners", "accounts", "credits" })
        {
            using var response = await DirectAsync(issuer, HttpMethod.Get, "/.well-known/jwks.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // One key, or two while a rolled one (other tests move the sandbox clock by months) is still published.
            var keys = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["keys"]!.AsArray();
            Assert.InRange(keys.Count, 1, 2);
            Assert.All(keys, key =>
            {
                Assert.Equal("ES256", key!["alg"]!.GetValue<string>());
                Assert.Equal("EC", key["kty"]!.GetValue<string>());
                Assert.False(string.IsNullOrEmpty(key["kid"]!.GetValue<string>()));
                Assert.Null(key["d"]);
            });
        }
    }

    [Fact]
    public async Task Internal_endpoints_refuse_a_partner_token_and_the_operator_key_and_are_not_routed()
    {
        var partner = await client.CreatePartnerAsync();
        var purchase = new { purchase_id = "cp_" + Guid.NewGuid().ToString("N"), kind = "sms", pack = 1000 };

        Assert.Equal(HttpStatusCode.Forbidden, (await DirectAsync("billing", HttpMethod.Post, "/internal/credit-purchases", purchase, bearer: partner.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DirectAsync("billing", HttpMethod.Post, "/internal/credit-purchases", purchase, adminKey: system.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DirectAsync("billing", HttpMethod.Post, "/internal/referrals/cards", new { }, adminKey: system.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DirectAsync("accounts", HttpMethod.Post, "/internal/referrals/accounts", new { }, adminKey: system.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DirectAsync("accounts", HttpMethod.Post, "/internal/referrals/accounts", new { }, bearer: partner.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Post, "/internal/credit-purchases", purchase, partner.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, "/internal/sessions/ended", token: partner.Token)).StatusCode);
    }

    [Fact]
    public void The_operator_key_never_appears_in_the_apphost_log() =>
        Assert.DoesNotContain(system.Logs, line => line.Contains(system.AdminKey, StringComparison.Ordinal));

    /// <summary>Waits until the call is refused: the SessionsEnded event reaches every process asynchronously.</summary>
    private static async Task RefusedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var status = await Eventually.ReadAsync(
            async () =>
            {
                using var response = await call();
                return response.StatusCode;
            },
            answer => answer == HttpStatusCode.Unauthorized,
            Eventually.Propagation);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<HttpResponseMessage> DirectAsync(string service, HttpMethod method, string path, object? body = null, string? bearer = null, string? adminKey = null)
    {
        using var http = new HttpClient { BaseAddress = system.App.GetEndpoint(service) };
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        if (adminKey is not null)
        {
            request.Headers.Add("X-Admin-Key", adminKey);
        }
        return await http.SendAsync(request);
    }

    public void Dispose() => client.Dispose();
}
