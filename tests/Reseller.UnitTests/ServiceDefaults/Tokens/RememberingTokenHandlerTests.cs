using System.Security.Claims;
using System.Security.Cryptography;

using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

public sealed class RememberingTokenHandlerTests : IDisposable
{
    private const string Issuer = "partners";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly ECDsa material = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsaSecurityKey key;
    private readonly RememberingTokenHandler handler;
    private IReadOnlyList<SecurityKey> published;
    private IReadOnlyList<SecurityKey> resolvable;

    public RememberingTokenHandlerTests()
    {
        key = new ECDsaSecurityKey(material) { KeyId = "key-1" };
        published = [key];
        resolvable = [key];
        handler = new RememberingTokenHandler((issuer, keyId) => issuer == Issuer ? published.Where(k => k.KeyId == keyId) : [], clock) { MapInboundClaims = false };
    }

    public void Dispose() => material.Dispose();

    [Fact]
    public async Task A_token_validated_once_is_taken_again_from_memory_without_verifying_it_anew()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        resolvable = []; // Verifying it again would now fail for want of a key.

        var again = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(again.IsValid);
        Assert.Equal(Issuer, ((JsonWebToken)again.SecurityToken).Issuer);
        Assert.Equal("user-1", again.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_lifetime_has_passed_on_the_platform_clock()
    {
        var token = Token(TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_issuer_no_longer_publishes_the_key_that_verified_it()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        published = [];
        resolvable = [];

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task Keys_fetched_again_make_a_remembered_token_be_verified_anew()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        var refetched = new ECDsaSecurityKey(material) { KeyId = key.KeyId };
        published = [refetched];
        resolvable = [];

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        resolvable = [refetched];
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task Each_validation_gets_its_own_identity()
    {
        var token = Token(TimeSpan.FromHours(1));
        var first = await handler.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim("role", "owner"));

        var second = await handler.ValidateTokenAsync(token, Parameters());
        var third = await handler.ValidateTokenAsync(token, Parameters());

        Assert.Null(second.ClaimsIdentity.FindFirst("role"));
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        second.ClaimsIdentity.AddClaim(new Claim("role", "owner"));
        Assert.Null(third.ClaimsIdentity.FindFirst("role"));
    }

    [Fact]
    public async Task A_token_whose_signature_was_altered_is_verified_and_refused_not_taken_from_memory()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        var signatureStart = token.LastIndexOf('.') + 1;
        var altered = token[..signatureStart] + (token[signatureStart] == 'A' ? 'B' : 'A') + token[(signatureStart + 1)..];

        Assert.False((await handler.ValidateTokenAsync(altered, Parameters())).IsValid);
    }

    [Fact]
    public async Task More_tokens_than_it_remembers_are_all_still_validated()
    {
        var tokens = Enumerable.Range(0, RememberingTokenHandler.Capacity + 5).Select(i => Token(TimeSpan.FromHours(1), "user-" + i)).ToList();

        foreach (var token in tokens.Concat(tokens.Take(5)))
        {
            var result = await handler.ValidateTokenAsync(token, Parameters());
            Assert.True(result.IsValid);
        }
        Assert.False((await handler.ValidateTokenAsync(Token(TimeSpan.FromHours(-1)), Parameters())).IsValid);
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = PlatformClaims.Audience,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        IssuerSigningKeyResolver = (_, _, keyId, _) => resolvable.Where(k => k.KeyId == keyId),
        TryAllIssuerSigningKeys = false,
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, parameters) => TokenLifetime.IsValid(notBefore, expires, clock.GetUtcNow(), parameters.ClockSkew),
    };

    private string Token(TimeSpan lifetime, string subject = "user-1")
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = PlatformClaims.Audience,
            IssuedAt = lifetime > TimeSpan.Zero ? now : now + lifetime - TimeSpan.FromMinutes(1),
            NotBefore = lifetime > TimeSpan.Zero ? now : now + lifetime - TimeSpan.FromMinutes(1),
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
