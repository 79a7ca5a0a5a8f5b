using System.Net;
using System.Security.Claims;

using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

using Reseller.Accounts.Accounts;
using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Billing;

/// <summary>
/// Whether a billing profile is the caller's: answered from the cards Accounts follows through Billing's events, so an
/// account is accepted against a known card while Billing is down. Only a card not heard of yet (saved a moment ago, or
/// before Accounts followed cards) is asked of Billing, on the caller's own credentials; if Billing cannot answer, 503.
/// </summary>
public sealed class BillingProfileDirectory(HttpClient http, IHttpContextAccessor httpContext, AccountsDb db)
{
    public async Task<bool> BelongsToCallerAsync(string billingProfileId, CancellationToken cancellationToken)
    {
        if (httpContext.HttpContext?.User is { } user && CallerPartnerId(user) is { } partnerId
            && PublicId.TryParse(AccountResponse.BillingProfilePrefix, billingProfileId, out var id))
        {
            var known = await db.Set<KnownBillingProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (known is { IsSettled: true })
            {
                return known.BelongsTo(partnerId, AccountAccess.AccountIdOf(user));
            }
        }
        return await AskBillingAsync(billingProfileId, cancellationToken);
    }

    private async Task<bool> AskBillingAsync(string billingProfileId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/billing-profiles/{Uri.EscapeDataString(billingProfileId)}");
        request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, httpContext.HttpContext?.Request.Headers.Authorization.ToString());
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw new ProblemException(503, "billing-unavailable", "Billing profiles cannot be checked right now; try again shortly.")
            {
                RetryAfter = DependencyFailures.RetryAfter,
            },
        };
    }

    private static Guid? CallerPartnerId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.PartnerId)?.Value, out var partnerId) ? partnerId : null;
}
