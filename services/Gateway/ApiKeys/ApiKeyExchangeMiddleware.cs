using System.Security.Claims;

using Microsoft.Net.Http.Headers;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.ApiKeys;

/// <summary>
/// A <c>Bearer rsk_…</c> API key is verified against Partners and exchanged, before authentication, for a short-lived
/// platform JWT (kind api_key, the key's partner, role owner), so the gateway and every service accept it like a user
/// token and take the partner from it. An unknown or revoked key is left as it is and fails authentication (401).
/// </summary>
public sealed class ApiKeyExchangeMiddleware(RequestDelegate next)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext context, ApiKeyVerifier verifier, PlatformTokenIssuer tokens)
    {
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is var key && ApiKeyVerifier.LooksLikeKey(key))
        {
            ApiKeyIdentity? identity;
            try
            {
                identity = await verifier.VerifyAsync(key, context.RequestAborted);
            }
            catch (ProblemException unavailable)
            {
                // This runs before the exception handler, so it answers the problem itself.
                context.Response.Headers.RetryAfter = "2";
                await TypedResults.Problem(unavailable.Detail, statusCode: unavailable.Status, title: unavailable.Title, type: unavailable.Type).ExecuteAsync(context);
                return;
            }
            if (identity is not null)
            {
                var token = tokens.Issue(
                [
                    new Claim(PlatformClaims.Subject, PublicId.Format("key", identity.KeyId)),
                    new Claim(PlatformClaims.PartnerId, identity.PartnerId.ToString()),
                    new Claim(PlatformClaims.Role, PlatformRoles.Owner),
                    new Claim(PlatformClaims.Kind, PlatformClaims.ApiKeyKind),
                ], TokenLifetime);
                context.Request.Headers[HeaderNames.Authorization] = "Bearer " + token.AccessToken;
            }
        }
        await next(context);
    }
}
