using System.Net.Http.Headers;
using System.Security.Claims;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// This service's own credential for another service's internal endpoint: a short token it signs itself (kind service,
/// subject and issuer this service, audience the callee), carrying the partner it acts for when it acts for one. Never
/// the operator's key, never the caller's token, and refused by the gateway (its audience is a service, not the API).
/// </summary>
public sealed class ServiceTokens(PlatformTokenIssuer issuer, ServiceIdentity self)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public async Task<AuthenticationHeaderValue> ForAsync(string callee, Guid? partnerId, CancellationToken cancellationToken)
    {
        List<Claim> claims = [new(PlatformClaims.Subject, self.Name), new(PlatformClaims.Kind, PlatformClaims.ServiceKind)];
        if (partnerId is { } partner)
        {
            claims.Add(new Claim(PlatformClaims.PartnerId, partner.ToString()));
        }
        var token = await issuer.IssueAsync(claims, Lifetime, audience: callee, cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }
}
