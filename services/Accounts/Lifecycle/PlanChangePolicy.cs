using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Catalog;

namespace Reseller.Accounts.Lifecycle;

/// <summary>The account's side of <see cref="PlanChangeRule"/>: an upgrade applies now, a downgrade at the next renewal.</summary>
public sealed class PlanChangePolicy(ProductCatalog catalog)
{
    private readonly PlanChangeRule rule = new(catalog);

    public bool AppliesNow(Plan current, Plan requested) => rule.AppliesNow(current.ToContract(), requested.ToContract());

    public long MonthlyListPrice(Plan plan) => rule.MonthlyListPrice(plan.ToContract());
}
