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

    /// <summary>Every named partner's paid accounts as stored now, in one query (a batch's discounts); a partner with none is absent.</summary>
    public async Task<Dictionary<Guid, int>> CountByPartnerAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken) =>
        partnerIds.Count == 0
            ? []
            : await db.BilledAccounts
                .Where(a => partnerIds.Contains(a.PartnerId)
                    && a.Payer == PaidAccounts.Payer
                    && PaidAccounts.Statuses.Contains(a.Status)
                    && PaidAccounts.Cadences.Contains(a.Cadence))
                .GroupBy(a => a.PartnerId)
                .Select(g => new { PartnerId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.PartnerId, g => g.Count, cancellationToken);
}
