using Reseller.Partners.Data;

namespace Reseller.Partners.FollowedAccounts;

/// <summary>Finds or starts the followed row of an account, inside a consumer's inbox transaction.</summary>
public static class AccountFollower
{
    public static async Task<FollowedAccount> FollowAsync(this PartnersDb db, Guid accountId, Guid partnerId, CancellationToken cancellationToken)
    {
        var account = await db.FollowedAccounts.FindAsync([accountId], cancellationToken);
        if (account is null)
        {
            account = FollowedAccount.Start(accountId, partnerId);
            db.FollowedAccounts.Add(account);
        }
        return account;
    }
}
