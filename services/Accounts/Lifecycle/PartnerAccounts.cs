using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Billing;
using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Lifecycle;

/// <summary>
/// Finds the caller's own account (404 for anything else: another partner's, or for an account-scoped token any account
/// but its own) and checks billing profiles named in a request against the caller's own profiles.
/// </summary>
public sealed class PartnerAccounts(AccountsDb db, BillingProfileDirectory billingProfiles)
{
    public async Task<Account> FindAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        if (!PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId)
            || (AccountAccess.AccountIdOf(user) is { } scoped && scoped != accountId))
        {
            throw ProblemException.NotFound("account");
        }
        return await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PartnerId == partnerId, cancellationToken)
            ?? throw ProblemException.NotFound("account");
    }

    public async Task<Guid?> BillingProfileAsync(string? billingProfileId, CancellationToken cancellationToken)
    {
        if (billingProfileId is null)
        {
            return null;
        }
        if (PublicId.TryParse(AccountResponse.BillingProfilePrefix, billingProfileId, out var id)
            && await billingProfiles.BelongsToCallerAsync(billingProfileId, cancellationToken))
        {
            return id;
        }
        throw ValidationErrors.Reject("billing_profile_id", "billing_profile_id is not one of your billing profiles.");
    }
}
