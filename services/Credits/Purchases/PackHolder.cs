using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;

namespace Reseller.Credits.Purchases;

public static class PackHolder
{
    /// <summary>
    /// Where a purchase's pack is held: the account it was earmarked for while that account is still the partner's, else the
    /// partner's pool (null). An account that moved out gave its credit back to the pool, so a pack paid after the move goes
    /// there, and a credit note after it takes back from there. The account's row is locked until the caller's transaction
    /// ends, so the move's own return is ordered with it. Call inside a transaction.
    /// </summary>
    public static async Task<Guid?> PackHolderAsync(this CreditsDb db, CreditPurchase purchase, CancellationToken cancellationToken) =>
        purchase.AccountId is { } accountId ? await db.PartnerCreditHolderAsync(purchase.PartnerId, accountId, cancellationToken) : null;
}
