using System.Buffers.Text;
using System.Text;

using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

public sealed class CompactTokenTests
{
    [Fact]
    public async Task A_platform_tokens_issuer_and_key_id_are_those_the_full_reader_finds()
    {
        using var partners = new TestIssuer(TrustedIssuers.Partners, new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var token in new[] { await partners.PartnerUserAsync(Guid.NewGuid()), await partners.ServiceTokenAsync("billing", Guid.NewGuid()) })
        {
            var whole = new JsonWebTokenHandler().ReadJsonWebToken(token);

            Assert.True(CompactToken.TryReadIssuerAndKey(token, out var issuer, out var keyId));

            Assert.Equal(TrustedIssuers.Partners, issuer);
            Assert.Equal(whole.Issuer, issuer);
            Assert.Equal(whole.Kid, keyId);
        }
    }

    [Fact]
    public async Task A_payload_claim_is_read_as_the_dashboard_shapes_its_pages_by_it()
    {
        using var partners = new TestIssuer(TrustedIssuers.Partners, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var token = await partners.PartnerUserAsync(Guid.NewGuid());

        Assert.Equal(PlatformRoles.Owner, CompactToken.PayloadString(token, PlatformClaims.Role));
        Assert.Null(CompactToken.PayloadString(token, PlatformClaims.AccountId));
        Assert.Null(CompactToken.PayloadString(Compact("""{"kid":"k1"}""", """{"role":7}"""), "role"));
        Assert.Null(CompactToken.PayloadString("not-a-token", "role"));
    }

    [Fact]
    public void Only_top_level_members_count_whatever_comes_before_them()
    {
        var token = Compact("""{"alg":"ES256","x":{"kid":"inner"},"list":[{"kid":"in-list"}],"kid":"outer"}""",
            """{"aud":["a","b"],"nested":{"iss":"fake","deeper":{"iss":"fake"}},"n":1.5,"ok":true,"none":null,"iss":"partners"}""");

        Assert.True(CompactToken.TryReadIssuerAndKey(token, out var issuer, out var keyId));

        Assert.Equal("partners", issuer);
        Assert.Equal("outer", keyId);
    }

    [Fact]
    public void A_token_without_a_key_id_still_names_its_issuer()
    {
        Assert.True(CompactToken.TryReadIssuerAndKey(Compact("""{"alg":"ES256"}""", """{"iss":"partners"}"""), out var issuer, out var keyId));

        Assert.Equal("partners", issuer);
        Assert.Null(keyId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dots")]
    [InlineData("one.dot")]
    [InlineData(".payload.signature")]
    [InlineData("header..signature")]
    [InlineData("!!!.###.signature")]
    [InlineData("eyJraWQiOiJrMSJ9.eyJpc3MiOiJwYXJ0bmVycyJ9.signature.extra")]
    public void What_is_not_a_compact_token_names_no_issuer(string token) =>
        Assert.False(CompactToken.TryReadIssuerAndKey(token, out _, out _));

    [Theory]
    [InlineData("""{"iss":42}""")]
    [InlineData("""{"iss":{"name":"partners"}}""")]
    [InlineData("""["iss","partners"]""")]
    [InlineData("""not json""")]
    [InlineData("""{"sub":"user-1"}""")]
    public void A_payload_without_a_top_level_string_issuer_names_none(string payload) =>
        Assert.False(CompactToken.TryReadIssuerAndKey(Compact("""{"kid":"k1"}""", payload), out _, out _));

    [Fact]
    public void An_oversized_payload_is_not_read()
    {
        var payload = """{"iss":"partners","pad":""" + "\"" + new string('x', 4000) + "\"}";

        Assert.False(CompactToken.TryReadIssuerAndKey(Compact("""{"kid":"k1"}""", payload), out _, out _));
    }

    private static string Compact(string header, string payload) =>
        $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.c2lnbmF0dXJl";
}
