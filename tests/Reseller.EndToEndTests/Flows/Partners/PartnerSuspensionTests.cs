using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Partners;

public sealed class PartnerSuspensionTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_suspended_partner_cannot_sign_in_its_tokens_and_keys_are_refused_and_reactivation_restores_access()
    {
        var partner = await client.CreatePartnerAsync();
        var key = await client.CreateApiKeyAsync(partner);
        await client.GetAsync("/api/v1/partners/me", key);

        var suspended = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/partners/{partner.Id}/suspend", asOperator: true), HttpStatusCode.OK);
        Assert.Equal("suspended", suspended["status"]!.GetValue<string>());
        Assert.NotNull(suspended["suspended_at"]);

        var refused = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = partner.Password }), HttpStatusCode.Forbidden);
        Assert.EndsWith("/partner-suspended", refused["type"]!.GetValue<string>(), StringComparison.Ordinal);
        // A wrong password still answers 401: a stranger learns nothing of the partner's state.
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = "not the password" }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOnceAsync(partner.Token, HttpStatusCode.Unauthorized));
        // Its API keys are refused saying why, as its sign-in is.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOnceAsync(key, HttpStatusCode.Forbidden));
        var keyRefused = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: key), HttpStatusCode.Forbidden);
        Assert.EndsWith("/partner-suspended", keyRefused["type"]!.GetValue<string>(), StringComparison.Ordinal);

        // Suspending again changes nothing.
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/partners/{partner.Id}/suspend", asOperator: true), HttpStatusCode.OK);

        var reactivated = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/partners/{partner.Id}/reactivate", asOperator: true), HttpStatusCode.OK);
        Assert.Equal("active", reactivated["status"]!.GetValue<string>());
        var fresh = await client.TokenAsync(partner.Email, partner.Password);
        await client.GetAsync("/api/v1/partners/me", fresh);
        Assert.Equal(HttpStatusCode.OK, await StatusOnceAsync(key, HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_operator_searches_partners_by_name_e_mail_or_id_filters_by_status_and_pages_with_a_keyset()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var partners = new List<Partner>();
        for (var i = 0; i < 3; i++)
        {
            partners.Add(await client.CreatePartnerAsync($"Agency {marker} {i}"));
        }
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/partners/{partners[1].Id}/suspend", asOperator: true), HttpStatusCode.OK);

        var first = await ListAsync($"?q={marker.ToUpperInvariant()}&page_size=2");
        Assert.Equal([partners[0].Id, partners[1].Id], Ids(first));
        var second = await ListAsync($"?q={marker}&page_size=2&page_token={first["next_page_token"]!.GetValue<string>()}");
        Assert.Equal([partners[2].Id], Ids(second));
        Assert.Null(second["next_page_token"]);

        Assert.Equal([partners[1].Id], Ids(await ListAsync($"?q={marker}&status=suspended")));
        Assert.Equal([partners[0].Id, partners[2].Id], Ids(await ListAsync($"?q={marker}&status=active")));
        Assert.Equal([partners[2].Id], Ids(await ListAsync($"?q={Uri.EscapeDataString(partners[2].Email)}")));
        Assert.Equal([partners[0].Id], Ids(await ListAsync($"?q={partners[0].Id}")));
        Assert.Empty(Ids(await ListAsync($"?q={marker}%25_")));

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/partners?status=gone", asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/partners?page_token=nonsense", asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/partners/prt_unknown/suspend", asOperator: true), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, "/api/v1/admin/partners", token: partners[0].Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/api/v1/admin/partners")).StatusCode);
    }

    public void Dispose() => client.Dispose();

    private async Task<JsonNode> ListAsync(string query) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/partners" + query, asOperator: true), HttpStatusCode.OK);

    private static List<string> Ids(JsonNode page) => [.. page["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>())];

    /// <summary>The status of GET /partners/me with the credential, once it is the expected one or the bound has passed.</summary>
    private Task<HttpStatusCode> StatusOnceAsync(string credential, HttpStatusCode expected) =>
        Eventually.ReadAsync(
            async () => (await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: credential)).StatusCode,
            status => status == expected,
            Eventually.Propagation);
}
