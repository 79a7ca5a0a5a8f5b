using Microsoft.EntityFrameworkCore;

using Reseller.Credits.Data;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>Reads the followed row of an account for a consumer that changes it, inside the consumer's inbox transaction.</summary>
public static class LockedCreditAccount
{
    /// <summary>
    /// The row stays locked until the consumer commits: two events of one account consumed at once (a status change and the
    /// next one, 100 ms apart) would otherwise both read it and the later commit would overwrite the newer change with the
    /// older. Two first events racing to insert it meet on the primary key, and the loser is retried to find it.
    /// </summary>
    public static Task<CreditAccount?> FindLockedAsync(this CreditsDb db, Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.FromSql($"SELECT * FROM credit_accounts WHERE account_id = {accountId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
