using Reseller.Credits.Data;

namespace Reseller.Credits.FollowedAccounts;

public static class PartnerCreditHolder
{
    /// <summary>
    /// Where credit of the partner's for an account (earmarked, assigned, or given back to it) is held now: the account while
    /// it is still the partner's (or not known yet), else the partner's pool (null). An account that moved out gave its credit to the pool, and a stand-alone
    /// owner's balance is no longer the partner's to use or to see: credit returned there after the move would be lost to the
    /// partner. The account's row is locked until the caller's transaction ends, so the move's own return is ordered with
    /// it. Call inside a transaction.
    /// </summary>
    public static async Task<Guid?> PartnerCreditHolderAsync(this CreditsDb db, Guid partnerId, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.FindLockedAsync(accountId, cancellationToken);
        return account is not null && account.PartnerId != partnerId ? null : accountId;
    }
}
