using System.Net;

using Microsoft.Net.Http.Headers;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Billing;

/// <summary>
/// Asks Billing, on the caller's own credentials, whether a billing profile is theirs. A synchronous call is the exception
/// between services; it is taken here because an account must not be accepted against a profile the partner does not hold.
/// </summary>
public sealed class BillingProfileDirectory(HttpClient http, IHttpContextAccessor httpContext)
{
    public async Task<bool> BelongsToCallerAsync(string billingProfileId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/billing-profiles/{Uri.EscapeDataString(billingProfileId)}");
        request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, httpContext.HttpContext?.Request.Headers.Authorization.ToString());
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw new ProblemException(503, "billing-unavailable", "Billing profiles cannot be checked right now; try again shortly."),
        };
    }
}
