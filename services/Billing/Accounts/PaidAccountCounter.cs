using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Catalog;

namespace Reseller.Billing.Accounts;

/// <summary>
/// Counts a partner's paid accounts for the reseller discount: monthly or annual, payer partner, and active, cancelled (not
/// yet expired) or payment_failed. The account being charged is counted by the caller.
/// </summary>
public sealed class PaidAccountCounter(BillingDb db)
{
    private static readonly BilledAccountStatus[] PaidStatuses = [BilledAccountStatus.Active, BilledAccountStatus.Cancelled, BilledAccountStatus.PaymentFailed];

    public Task<int> CountAsync(Guid partnerId, Guid? including, CancellationToken cancellationToken) =>
        db.BilledAccounts.CountAsync(a => a.PartnerId == partnerId
            && a.AccountId != including
            && a.Payer == Payers.Partner
            && PaidStatuses.Contains(a.Status)
            && (a.Cadence == PlanCadences.Monthly || a.Cadence == PlanCadences.Annual), cancellationToken);
}
