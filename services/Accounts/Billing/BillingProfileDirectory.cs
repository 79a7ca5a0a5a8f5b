using System.Security.Claims;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.Accounts.Billing;

/// <summary>
/// Whether a billing profile is the caller's: answered from the cards Accounts follows through Billing's events, so an
/// account is accepted against a known card while Billing is down. Only a card not heard of yet (saved a moment ago, or
/// before Accounts followed cards) is asked of Billing, on the caller's own credentials; if Billing cannot answer, 503
/// dependency-unavailable (<see cref="InternalServiceClient"/>).
/// </summary>
public sealed class BillingProfileDirectory(InternalServiceClient billing, IHttpContextAccessor httpContext, AccountsDb db)
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

    private async Task<bool> AskBillingAsync(string billingProfileId, CancellationToken cancellationToken) =>
        await billing.FindAsync<JsonElement?>(
            InternalCall.Get("billing", $"/api/v1/billing-profiles/{Uri.EscapeDataString(billingProfileId)}", InternalCredentials.Caller),
            cancellationToken) is not null;

    private static Guid? CallerPartnerId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.PartnerId)?.Value, out var partnerId) ? partnerId : null;
}
