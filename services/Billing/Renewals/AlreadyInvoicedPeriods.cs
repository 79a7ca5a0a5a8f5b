using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;

namespace Reseller.Billing.Renewals;

/// <summary>
/// The claimed accounts whose next period already has its first-period or renewal invoice, which the unique (account,
/// period) index would refuse a second of. Found before issuing, so that one such account (a state some defect left) is held
/// back alone instead of rolling back its whole batch, and with it every later run's renewals.
/// </summary>
public static class AlreadyInvoicedPeriods
{
    public static async Task<HashSet<Guid>> AmongAsync(BillingDb db, IReadOnlyList<BilledAccount> claimed, CancellationToken cancellationToken)
    {
        var nextPeriods = claimed.ToDictionary(a => a.AccountId, a => a.NextPeriod().Start);
        var accountIds = nextPeriods.Keys.ToList();
        var earliest = nextPeriods.Values.Min();
        var invoiced = await db.Invoices.AsNoTracking()
            .Where(i => i.AccountId != null && accountIds.Contains(i.AccountId.Value) && i.PeriodStart >= earliest
                && InvoicePeriods.PeriodHoldingPurposes.Contains(i.Purpose) && i.Status != InvoiceStatus.Void)
            .Select(i => new { AccountId = i.AccountId!.Value, i.PeriodStart })
            .ToListAsync(cancellationToken);
        return invoiced.Where(i => nextPeriods[i.AccountId] == i.PeriodStart).Select(i => i.AccountId).ToHashSet();
    }
}
