using Microsoft.Net.Http.Headers;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.ApiKeys;

/// <summary>
/// A <c>Bearer rsk_…</c> API key is exchanged at Partners, before authentication, for a short-lived platform JWT that
/// Partners signs (kind api_key, the key's partner, role owner; the gateway holds no signing key), so the gateway and every
/// service accept it like a user token and take the partner from it. An unknown or revoked key is left as it is and fails
/// authentication (401).
/// </summary>
public sealed class ApiKeyExchangeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ApiKeyVerifier verifier)
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
                context.Request.Headers[HeaderNames.Authorization] = "Bearer " + identity.AccessToken;
            }
        }
        await next(context);
    }
}
