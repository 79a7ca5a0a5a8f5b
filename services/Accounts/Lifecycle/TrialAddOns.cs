using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Catalog;

namespace Reseller.Accounts.Lifecycle;

public static class TrialAddOns
{
    /// <summary>A trial carries the catalog's trial quantity of each add-on that has one (20 conversations seats), free.</summary>
    public static Plan WithTrialAddOns(this Plan plan, ProductCatalog catalog)
    {
        if (plan.Cadence != PlanCadences.Trial)
        {
            return plan;
        }
        foreach (var addOn in catalog.FindProduct(plan.Product)?.AddOns?.Where(a => a.TrialQuantity is not null) ?? [])
        {
            plan.AddOns.RemoveAll(a => a.Code == addOn.Code);
            plan.AddOns.Add(new PlanAddOn { Code = addOn.Code, Quantity = addOn.TrialQuantity!.Value });
        }
        return plan;
    }
}
