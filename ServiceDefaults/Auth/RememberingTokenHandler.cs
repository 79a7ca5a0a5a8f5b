using System.Collections.Concurrent;
using System.Security.Claims;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// Validates a bearer token once and takes it again, without reading or verifying it anew, while nothing that decided its
/// validity has changed: its lifetime still holds on the platform clock, and the very key that verified it is still one
/// its issuer publishes (a refetch of the issuer's keys forgets every token, so a key withdrawn is never trusted from
/// memory). The session checks that follow validation still run on every request, and each request gets its own copy of
/// the identity. Reading and verifying (ES256) a token was about a fifth of the gateway's and Accounts' CPU under the
/// read load (perf); a client sends the same token for many calls.
/// </summary>
public sealed class RememberingTokenHandler(Func<string?, string?, IEnumerable<SecurityKey>> issuerKeys, TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>Tokens remembered at most: a few megabytes (a token, its parsed form and identity are a few kilobytes).</summary>
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, RememberedToken> remembered = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = clock.GetUtcNow();
        if (token is not null && remembered.TryGetValue(token, out var known))
        {
            if (StillHolds(known, now, validationParameters.ClockSkew))
            {
                return known.Result();
            }
            remembered.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { SigningKey: { } key } validated && result.ClaimsIdentity is { } identity)
        {
            MakeRoom(now, validationParameters.ClockSkew);
            remembered[token!] = new RememberedToken(validated, key, identity.Clone(), result.Issuer, result.TokenType);
        }
        return result;
    }

    private bool StillHolds(RememberedToken known, DateTimeOffset now, TimeSpan skew) =>
        known.IsLiveAt(now, skew) && issuerKeys(known.Token.Issuer, known.Token.Kid).Any(current => ReferenceEquals(current, known.Key));

    private void MakeRoom(DateTimeOffset now, TimeSpan skew)
    {
        if (remembered.Count < Capacity)
        {
            return;
        }
        foreach (var (token, known) in remembered)
        {
            if (!known.IsLiveAt(now, skew))
            {
                remembered.TryRemove(token, out _);
            }
        }
        if (remembered.Count >= Capacity)
        {
            remembered.Clear();
        }
    }

    private sealed record RememberedToken(JsonWebToken Token, SecurityKey Key, ClaimsIdentity Identity, string? Issuer, string? TokenType)
    {
        public bool IsLiveAt(DateTimeOffset now, TimeSpan skew) => TokenLifetime.IsValid(Token.ValidFrom, Token.ValidTo, now, skew);

        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            SecurityToken = Token,
            ClaimsIdentity = Identity.Clone(),
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
