using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

/// <summary>Finds an account of the caller's partner by its public id; anything else (malformed, unknown, foreign) is 404.</summary>
public static class OwnedAccounts
{
    public static async Task<Account> FindOwnedAsync(this AccountsDb db, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        if (!PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId))
        {
            throw ProblemException.NotFound("account");
        }
        return await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PartnerId == partnerId, cancellationToken)
            ?? throw ProblemException.NotFound("account");
    }
}
