using Reseller.Contracts.Accounts;

namespace Reseller.Contracts.Catalog;

/// <summary>
/// Whether a plan change is an upgrade (in force now, charged prorated) or a downgrade (at the next renewal): monthly →
/// annual is an upgrade, annual → monthly a downgrade; otherwise the monthly list price decides (a dearer plan is charged
/// now), and at an equal price a plan that shrinks anything (contacts, seats, add-ons) waits for the renewal. Accounts
/// applies it to a change, Billing to a change's quote, so both always agree.
/// </summary>
public sealed class PlanChangeRule(ProductCatalog catalog)
{
    public bool AppliesNow(AccountPlan current, AccountPlan requested)
    {
        if (current.Cadence != requested.Cadence)
        {
            return requested.Cadence == PlanCadences.Annual;
        }
        var (before, after) = (MonthlyListPrice(current), MonthlyListPrice(requested));
        return after > before || (after == before && !Shrinks(current, requested));
    }

    private static bool Shrinks(AccountPlan current, AccountPlan requested) =>
        requested.Contacts < current.Contacts
        || requested.Seats < current.Seats
        || current.AddOns.Any(a => a.Quantity > (requested.AddOns.FirstOrDefault(r => r.Code == a.Code)?.Quantity ?? 0));

    public long MonthlyListPrice(AccountPlan plan)
    {
        var product = catalog.FindProduct(plan.Product);
        var tier = product?.FindTier(plan.Tier);
        if (product is null || tier is null)
        {
            return 0;
        }
        long price;
        if (product.Pricing == PricingModels.ContactsBand)
        {
            var band = product.BandSize ?? 1000;
            var extraBands = Math.Max(0, ((plan.Contacts ?? band) - 1) / band);
            var extraSeats = Math.Max(0, (plan.Seats ?? 0) - (tier.IncludedSeats ?? 0));
            price = (tier.Price ?? 0) + (extraBands * (tier.BandPrice ?? 0)) + (extraSeats * (product.ExtraSeatPrice ?? 0));
        }
        else
        {
            price = (plan.Seats ?? 0) * (tier.UnitPrice ?? 0);
        }
        return price + plan.AddOns.Sum(a => a.Quantity * (product.FindAddOn(a.Code)?.UnitPrice ?? 0));
    }
}
