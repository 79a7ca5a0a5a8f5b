using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;

namespace Reseller.Partners.FollowedAccounts;

/// <summary>Finds or starts the followed row of an account, inside a consumer's inbox transaction.</summary>
public static class AccountFollower
{
    /// <summary>
    /// The row is locked until the consumer commits: two events of one account consumed at once (a status change and the
    /// next one, 100 ms apart) would otherwise both read it and the later commit would overwrite the newer change with the
    /// older. Two first events racing to insert it meet on the primary key, and the loser is retried to find it.
    /// </summary>
    public static async Task<FollowedAccount> FollowAsync(this PartnersDb db, Guid accountId, Guid partnerId, CancellationToken cancellationToken)
    {
        var account = await db.FollowedAccounts.FromSql($"SELECT * FROM followed_accounts WHERE account_id = {accountId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            account = FollowedAccount.Start(accountId, partnerId);
            db.FollowedAccounts.Add(account);
        }
        return account;
    }
}
