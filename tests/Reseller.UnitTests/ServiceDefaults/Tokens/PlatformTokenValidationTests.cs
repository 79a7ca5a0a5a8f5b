using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

public sealed class PlatformTokenValidationTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private TestIssuer partners = null!;
    private TestIssuer credits = null!;
    private ValidatingService billing = null!;

    public async Task InitializeAsync()
    {
        partners = new TestIssuer(TrustedIssuers.Partners, clock);
        credits = new TestIssuer(TrustedIssuers.Credits, clock);
        billing = await ValidatingService.StartAsync([partners, credits]);
    }

    public async Task DisposeAsync() => await billing.DisposeAsync();

    public void Dispose()
    {
        partners.Dispose();
        credits.Dispose();
    }

    [Fact]
    public async Task A_token_signed_by_its_issuer_is_accepted_and_carries_its_key_id()
    {
        var token = await partners.PartnerUserAsync(Guid.NewGuid());

        var header = Header(token);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal((await partners.Ring.CurrentAsync(CancellationToken.None)).Id, header.GetProperty("kid").GetString());
        Assert.Equal(HttpStatusCode.OK, (await billing.GetAsync("/partner", token)).StatusCode);
    }

    [Fact]
    public async Task An_hs256_token_made_with_the_old_shared_key_is_refused()
    {
        var oldSharedKey = Encoding.UTF8.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        var token = Hs256(new { alg = "HS256", typ = "JWT" }, PartnerPayload("reseller"), oldSharedKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", token)).StatusCode);
    }

    [Fact]
    public async Task A_token_with_another_algorithm_is_refused_even_under_the_issuers_key_id()
    {
        // The classic confusion: HMAC keyed with the issuer's public key, under the kid of that key.
        var key = await partners.Ring.CurrentAsync(CancellationToken.None);
        var publicJwk = Encoding.UTF8.GetBytes(JwksDocument.Serialize(await partners.Ring.PublishedAsync(CancellationToken.None)));
        var token = Hs256(new { alg = "HS256", typ = "JWT", kid = key.Id }, PartnerPayload(TrustedIssuers.Partners), publicJwk);
        var unsigned = Unsigned(new { alg = "none", typ = "JWT", kid = key.Id }, PartnerPayload(TrustedIssuers.Partners)) + ".";

        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", unsigned)).StatusCode);
    }

    [Fact]
    public async Task A_token_under_an_unknown_key_id_is_refused()
    {
        await partners.Ring.CurrentAsync(CancellationToken.None);
        var stranger = SigningKey.Create(clock.GetUtcNow());

        var token = Es256(new { alg = "ES256", typ = "JWT", kid = "not-a-published-kid" }, PartnerPayload(TrustedIssuers.Partners), stranger);

        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", token)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_a_service_that_is_not_its_issuer_is_refused()
    {
        var creditsKey = await credits.Ring.CurrentAsync(CancellationToken.None);
        await partners.Ring.CurrentAsync(CancellationToken.None);

        // Credits signs a partner user's token: as itself (it may issue only service tokens), and posing as Partners.
        var asItself = Es256(new { alg = "ES256", typ = "JWT", kid = creditsKey.Id }, PartnerPayload(TrustedIssuers.Credits), creditsKey);
        var asPartners = Es256(new { alg = "ES256", typ = "JWT", kid = creditsKey.Id }, PartnerPayload(TrustedIssuers.Partners), creditsKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", asItself)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", asPartners)).StatusCode);
    }

    [Fact]
    public async Task After_a_key_roll_tokens_signed_with_the_previous_key_still_validate()
    {
        // A key 10 minutes short of its rotation age signs a token; 15 minutes later the next token rolls the key.
        await partners.Store.AddAsync(SigningKey.Create(clock.GetUtcNow() - KeyRotation.RotateEvery + TimeSpan.FromMinutes(10)), CancellationToken.None);
        var before = await partners.PartnerUserAsync(Guid.NewGuid());
        clock.Advance(TimeSpan.FromMinutes(15));
        var after = await partners.PartnerUserAsync(Guid.NewGuid());

        Assert.NotEqual(Header(before).GetProperty("kid").GetString(), Header(after).GetProperty("kid").GetString());
        Assert.Equal(HttpStatusCode.OK, (await billing.GetAsync("/partner", after)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await billing.GetAsync("/partner", before)).StatusCode);
    }

    [Fact]
    public async Task Requests_that_bring_a_just_rolled_key_at_once_all_wait_for_its_one_fetch()
    {
        // The issuer's keys answer slowly, as under load: every request that meets the new key while it is being fetched
        // waits for that fetch instead of being refused for a key the validator does not know yet.
        await using var slowBilling = await ValidatingService.StartAsync([partners, credits], issuerLatency: TimeSpan.FromMilliseconds(500));
        await partners.Store.AddAsync(SigningKey.Create(clock.GetUtcNow() - KeyRotation.RotateEvery + TimeSpan.FromMinutes(10)), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await slowBilling.GetAsync("/partner", await partners.PartnerUserAsync(Guid.NewGuid()))).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(15));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => partners.PartnerUserAsync(Guid.NewGuid())));

        var answers = await Task.WhenAll(tokens.Select(token => slowBilling.GetAsync("/partner", token)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
    }

    [Fact]
    public void A_replaced_key_stays_published_longer_than_a_token_lives_then_leaves()
    {
        var now = DateTimeOffset.UtcNow;
        var old = SigningKey.Create(now - TimeSpan.FromDays(31));
        var current = SigningKey.Create(now - TimeSpan.FromHours(1));

        Assert.Equal([current.Id, old.Id], KeyRotation.Published([old, current], now).Select(k => k.Id));
        Assert.Equal([current.Id], KeyRotation.Published([old, current], now + KeyRotation.KeepAfterReplaced).Select(k => k.Id));
        Assert.False(KeyRotation.IsDue([current], now));
        Assert.True(KeyRotation.IsDue([current], now + KeyRotation.RotateEvery));
    }

    [Fact]
    public async Task An_ended_session_is_refused_and_a_token_issued_after_it_is_accepted()
    {
        var partnerId = Guid.NewGuid();
        var old = await partners.PartnerUserAsync(partnerId, "user-7", sessionVersion: 0);
        Assert.Equal(HttpStatusCode.OK, (await billing.GetAsync("/partner", old)).StatusCode);

        billing.EndedSessions.End(TrustedIssuers.Partners, "user-7", 1);

        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.GetAsync("/partner", old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await billing.GetAsync("/partner", await partners.PartnerUserAsync(partnerId, "user-7", sessionVersion: 1))).StatusCode);
    }

    [Fact]
    public async Task An_internal_endpoint_takes_only_its_callers_service_token()
    {
        var partnerId = Guid.NewGuid();

        var fromCredits = await billing.SendAsync(HttpMethod.Post, "/internal/credit-purchases", await credits.ServiceTokenAsync("billing", partnerId));
        Assert.Equal(HttpStatusCode.OK, fromCredits.StatusCode);
        Assert.Contains(partnerId.ToString(), await fromCredits.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await billing.SendAsync(HttpMethod.Post, "/internal/credit-purchases", await partners.PartnerUserAsync(partnerId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await billing.SendAsync(HttpMethod.Post, "/internal/credit-purchases", adminKey: ValidatingService.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await billing.SendAsync(HttpMethod.Post, "/internal/credit-purchases", await partners.ServiceTokenAsync("billing", partnerId))).StatusCode);
        // A service token is addressed to one service: another (here Accounts) refuses it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await billing.SendAsync(HttpMethod.Post, "/internal/credit-purchases", await credits.ServiceTokenAsync("accounts", partnerId))).StatusCode);
    }

    private Dictionary<string, object> PartnerPayload(string issuer)
    {
        var now = clock.GetUtcNow();
        return new()
        {
            ["iss"] = issuer,
            ["aud"] = "reseller-api",
            ["sub"] = "user-1",
            ["partner_id"] = Guid.NewGuid().ToString(),
            ["role"] = "owner",
            ["kind"] = "partner_user",
            ["sv"] = "0",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
    }

    private static JsonElement Header(string token) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[0]))).RootElement.Clone();

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    private static string Unsigned(object header, object payload) =>
        $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";

    private static string Hs256(object header, object payload, byte[] key)
    {
        var unsigned = Unsigned(header, payload);
        return $"{unsigned}.{Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)))}";
    }

    private static string Es256(object header, object payload, SigningKey key)
    {
        var unsigned = Unsigned(header, payload);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.PrivateKey, out _);
        return $"{unsigned}.{Encode(ecdsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
