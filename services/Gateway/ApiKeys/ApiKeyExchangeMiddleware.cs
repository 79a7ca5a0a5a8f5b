using Microsoft.Net.Http.Headers;

using Reseller.Contracts.Partners;
using Reseller.Gateway.RateLimiting;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.ApiKeys;

/// <summary>
/// A <c>Bearer rsk_…</c> API key is exchanged at Partners, before authentication, for a short-lived platform JWT that
/// Partners signs (kind api_key, the key's partner, role owner; the gateway holds no signing key), so the gateway and every
/// service accept it like a user token and take the partner from it. An unknown or revoked key is left as it is and fails
/// authentication (401); too many of them from one address are refused with 429 (<see cref="FailedKeyChecks"/>). A key of a
/// suspended partner is refused with 403 <c>partner-suspended</c>, as its users' sign-in is.
/// </summary>
public sealed class ApiKeyExchangeMiddleware(RequestDelegate next, ILogger<ApiKeyExchangeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, ApiKeyVerifier verifier, FailedKeyChecks failedChecks)
    {
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is var key && ApiKeyVerifier.LooksLikeKey(key))
        {
            var address = ClientAddress.Of(context);
            if (failedChecks.Refusal(address) is { } wait)
            {
                await TooManyRequests.WriteAsync(context, wait, "Too many unknown API keys from this address.");
                return;
            }
            ApiKeyVerification? identity;
            try
            {
                identity = await verifier.VerifyAsync(key, context.RequestAborted);
            }
            catch (ProblemException unavailable)
            {
                // This runs before the exception handler, so it answers the problem itself.
                await AnswerAsync(context, unavailable);
                return;
            }
            catch (Exception failure) when (!context.RequestAborted.IsCancellationRequested)
            {
                // Whatever went wrong asking Partners (a timeout, an open circuit, an answer it could not read) is still
                // "cannot check keys now", never an exception page.
                logger.LogWarning(failure, "An API key could not be checked");
                await AnswerAsync(context, ApiKeyVerifier.Unavailable());
                return;
            }
            if (identity is null)
            {
                failedChecks.Record(address);
            }
            else if (identity.PartnerSuspended)
            {
                await AnswerAsync(context, PartnerSuspended.Problem());
                return;
            }
            else
            {
                context.Request.Headers[HeaderNames.Authorization] = "Bearer " + identity.AccessToken;
            }
        }
        await next(context);
    }

    private static async Task AnswerAsync(HttpContext context, ProblemException problem)
    {
        if (problem.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, type: problem.Type).ExecuteAsync(context);
    }
}
