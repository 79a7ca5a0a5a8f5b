using System.Security.Claims;

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>Issues the platform's JWT; every service and the gateway validate it with the same key.</summary>
public sealed class PlatformTokenIssuer(IOptions<PlatformTokenOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>Issues a token for the claims, valid for the configured lifetime unless a shorter one is given.</summary>
    public IssuedToken Issue(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow();
        var validFor = lifetime ?? options.Value.Jwt.Lifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformClaims.Issuer,
            Audience = PlatformClaims.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-5),
            Expires = now.Add(validFor).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKeys.From(options.Value), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, "Bearer", (int)validFor.TotalSeconds);
    }
}
