using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;

namespace Reseller.Billing.Pricing;

/// <summary>Prices one period of a plan from the catalog: plan line, extra seats, add-ons; annual = AnnualMonths × monthly.</summary>
public sealed class PlanPricer(ProductCatalog catalog)
{
    private const string PlanLine = "plan";
    private const string ExtraSeatsLine = "extra_seats";

    public PriceBreakdown Price(AccountPlan plan, int discountPercent)
    {
        var lines = plan.Cadence == PlanCadences.Trial ? [] : ListLines(plan);
        return new PriceBreakdown(lines.Select(l => l.WithDiscountPercent(discountPercent)).ToList(), catalog.Currency, discountPercent);
    }

    /// <summary>Whether a line of a product's price (by its code) takes the reseller discount: the plan and its seats do, an add-on as the catalog says.</summary>
    public bool IsDiscountable(string product, string lineCode) =>
        lineCode is PlanLine or ExtraSeatsLine || catalog.FindProduct(product)?.FindAddOn(lineCode)?.Discountable == true;

    private List<PriceLine> ListLines(AccountPlan plan)
    {
        var product = catalog.FindProduct(plan.Product) ?? throw new InvalidOperationException($"Unknown product {plan.Product}.");
        var tier = product.FindTier(plan.Tier) ?? throw new InvalidOperationException($"Unknown tier {plan.Tier} of {plan.Product}.");
        var months = plan.Cadence == PlanCadences.Annual ? catalog.AnnualMonths : 1;
        var annual = plan.Cadence == PlanCadences.Annual;
        var lines = new List<PriceLine>();

        if (product.Pricing == PricingModels.ContactsBand)
        {
            var bandSize = product.BandSize ?? 1000;
            var contacts = plan.Contacts ?? bandSize;
            var extraBands = Math.Max(0, (contacts - bandSize + bandSize - 1) / bandSize);
            var planPrice = (tier.Price ?? 0) + extraBands * (tier.BandPrice ?? 0);
            lines.Add(PriceLine.Of(PlanLine, new LineText.Plan(product.Name, tier.Code, contacts, annual), 1, planPrice * months, true));

            var extraSeats = Math.Max(0, (plan.Seats ?? 0) - (tier.IncludedSeats ?? 0));
            if (extraSeats > 0)
            {
                lines.Add(PriceLine.Of(ExtraSeatsLine, new LineText.ExtraSeats(annual), extraSeats, (product.ExtraSeatPrice ?? 0) * months, true));
            }
        }
        else
        {
            lines.Add(PriceLine.Of(PlanLine, new LineText.Plan(product.Name, tier.Code, null, annual), plan.Seats ?? tier.MinimumUnits ?? 1, (tier.UnitPrice ?? 0) * months, true));
        }

        foreach (var requested in plan.AddOns.Where(a => a.Quantity > 0))
        {
            var addOn = product.FindAddOn(requested.Code) ?? throw new InvalidOperationException($"Unknown add-on {requested.Code}.");
            if (addOn.UnitPrice > 0)
            {
                lines.Add(PriceLine.Of(addOn.Code, new LineText.AddOn(addOn.Name, annual), requested.Quantity, addOn.UnitPrice * months, addOn.Discountable));
            }
        }
        return lines;
    }
}
