using System.Diagnostics;
using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Partners;

public sealed class ApiKeyTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_key_is_shown_once_listed_by_prefix_and_acts_for_its_partner_everywhere()
    {
        var partner = await client.CreatePartnerAsync();
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "CRM sync" }, partner.Token), HttpStatusCode.Created);
        var key = created["key"]!.GetValue<string>();
        Assert.StartsWith("rsk_", key, StringComparison.Ordinal);
        Assert.StartsWith("key_", created["id"]!.GetValue<string>(), StringComparison.Ordinal);

        // The key works wherever a user token does: Partners, Billing, Accounts.
        Assert.Equal(partner.Id, (await client.GetAsync("/api/v1/partners/me", key))["id"]!.GetValue<string>());
        var profileId = await client.CreateBillingProfileAsync(partner with { Token = key }, GatewayClient.GoodCard);
        var account = await client.CreateAccountAsync(partner with { Token = key }, profileId);
        Assert.Equal(account["id"]!.GetValue<string>(), (await client.GetAsync($"/api/v1/accounts/{account["id"]}", partner.Token))["id"]!.GetValue<string>());

        var listed = (await client.GetAsync("/api/v1/api-keys", partner.Token))["data"]!.AsArray().Single()!;
        Assert.Equal("CRM sync", listed["name"]!.GetValue<string>());
        Assert.Equal(key[..12], listed["prefix"]!.GetValue<string>());
        Assert.Null(listed["key"]);
        Assert.NotNull(listed["last_used_at"]);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_the_gateway_within_five_seconds()
    {
        var partner = await client.CreatePartnerAsync();
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "to revoke" }, partner.Token), HttpStatusCode.Created);
        var key = created["key"]!.GetValue<string>();
        await client.GetAsync("/api/v1/partners/me", key);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{created["id"]}", token: partner.Token)).StatusCode);
        var revokedAt = Stopwatch.StartNew();
        var status = await Eventually.ReadAsync(
            async () => (await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: key)).StatusCode,
            answer => answer == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(revokedAt.Elapsed < TimeSpan.FromSeconds(5), $"Refused only after {revokedAt.Elapsed}.");
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices", token: key), HttpStatusCode.Unauthorized);
        Assert.Empty((await client.GetAsync("/api/v1/api-keys", partner.Token))["data"]!.AsArray());
    }

    [Fact]
    public async Task Keys_of_one_partner_never_reach_another_partners_data()
    {
        var partner = await client.CreatePartnerAsync();
        var other = await client.CreatePartnerAsync();
        var otherProfile = await client.CreateBillingProfileAsync(other, GatewayClient.GoodCard);
        var othersAccount = await client.CreateAccountAsync(other, otherProfile);
        var othersKey = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "theirs" }, other.Token), HttpStatusCode.Created);
        var key = await client.CreateApiKeyAsync(partner);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{othersAccount["id"]}", token: key), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{otherProfile}", token: key), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{othersKey["id"]}", token: key), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{othersKey["id"]}", token: partner.Token), HttpStatusCode.NotFound);
        Assert.Equal(other.Id, (await client.GetAsync("/api/v1/partners/me", othersKey["key"]!.GetValue<string>()))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keys_and_users_are_listed_in_pages()
    {
        var partner = await client.CreatePartnerAsync();
        var names = new[] { "one", "two", "three" };
        foreach (var name in names)
        {
            await client.CreateApiKeyAsync(partner, name);
        }

        var first = await client.GetAsync("/api/v1/api-keys?page_size=2", partner.Token);
        var second = await client.GetAsync($"/api/v1/api-keys?page_size=2&page_token={first["next_page_token"]}", partner.Token);

        Assert.Equal(["one", "two"], first["data"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()));
        Assert.Equal(["three"], second["data"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()));
        Assert.Null(second["next_page_token"]);
        var users = await client.GetAsync("/api/v1/partners/me/users?page_size=1", partner.Token);
        Assert.Single(users["data"]!.AsArray());
        Assert.Null(users["next_page_token"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/api-keys?page_token=bogus", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me/users?page_size=500", token: partner.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_keys_and_bad_input_are_refused_as_problems()
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: "rsk_" + new string('x', 43)), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "" }, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = new string('n', 101) }, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, "/api/v1/api-keys/not-an-id", token: partner.Token), HttpStatusCode.NotFound);
    }

    public void Dispose() => client.Dispose();
}
