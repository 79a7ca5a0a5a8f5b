using Microsoft.EntityFrameworkCore;

using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Accounts;

/// <summary>Finds an account of the caller's partner by its public id; anything else (malformed, unknown, another partner's) is 404.</summary>
public static class AccountDirectory
{
    public const string IdPrefix = "acc";

    public static async Task<CreditAccount> FindOwnedAsync(this CreditsDb db, Guid partnerId, string? accountId, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(IdPrefix, accountId, out var id))
        {
            throw ProblemException.NotFound("account");
        }
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == id && a.PartnerId == partnerId, cancellationToken)
            ?? throw ProblemException.NotFound("account");
    }
}
