using System.Security.Claims;

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// Issues the platform's JWT, signed ES256 with this service's current key (its kid in the header); only issuing services
/// hold one. Every service and the gateway validate it with the issuer's published public keys.
/// </summary>
public sealed class PlatformTokenIssuer(SigningKeyRing keys, ServiceIdentity self, IOptions<PlatformTokenOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>Issues a token for the claims, valid for the configured lifetime unless a shorter one is given.</summary>
    public async Task<IssuedToken> IssueAsync(
        IEnumerable<Claim> claims, TimeSpan? lifetime = null, string audience = PlatformClaims.Audience, CancellationToken cancellationToken = default)
    {
        var key = await keys.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var validFor = lifetime ?? options.Value.Jwt.Lifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = self.Name,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-5),
            Expires = now.Add(validFor).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.ToSecurityKey(), SigningKey.Algorithm),
        });
        return new IssuedToken(token, "Bearer", (int)validFor.TotalSeconds);
    }
}
