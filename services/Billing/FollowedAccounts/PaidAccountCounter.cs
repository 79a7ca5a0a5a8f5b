using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// Counts a partner's <see cref="PaidAccounts"/> for the reseller discount. The account being charged is counted by the caller.
/// </summary>
public sealed class PaidAccountCounter(BillingDb db)
{
    public Task<int> CountAsync(Guid partnerId, Guid? including, CancellationToken cancellationToken) =>
        db.BilledAccounts.CountAsync(a => a.PartnerId == partnerId
            && a.AccountId != including
            && a.Payer == PaidAccounts.Payer
            && PaidAccounts.Statuses.Contains(a.Status)
            && PaidAccounts.Cadences.Contains(a.Cadence), cancellationToken);
}
