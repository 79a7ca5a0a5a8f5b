using Reseller.Contracts.Accounts;

namespace Reseller.Contracts.Catalog;

/// <summary>
/// Checks a requested plan against the catalog's products, tiers and limits (shared by Accounts and Billing's quotes). Each
/// bad field is handed to the caller's <c>reject</c> (field, message), so the caller collects them in its own way.
/// </summary>
public static class PlanRules
{
    public static AccountPlan? Validate(PlanRequest? request, ProductCatalog catalog, Action<string, string> reject)
    {
        ArgumentNullException.ThrowIfNull(reject);
        var errors = new FieldErrors(reject);
        if (request is null)
        {
            errors.Add("plan", "plan is required.");
            return null;
        }

        var product = request.Product is null ? null : catalog.FindProduct(request.Product);
        errors.When(product is null, "plan.product", $"plan.product must be one of: {string.Join(", ", catalog.Products.Select(p => p.Code))}.");
        var tier = request.Tier is null ? null : product?.FindTier(request.Tier);
        errors.When(product is not null && tier is null, "plan.tier", $"plan.tier must be one of: {string.Join(", ", product?.Tiers.Select(t => t.Code) ?? [])}.");
        errors.When(request.Cadence is null || !PlanCadences.All.Contains(request.Cadence), "plan.cadence", "plan.cadence must be trial, monthly or annual.");
        if (product is null || tier is null)
        {
            return null;
        }

        int? contacts = null;
        int? seats;
        if (product.Pricing == PricingModels.ContactsBand)
        {
            contacts = request.Contacts ?? product.BandSize;
            seats = request.Seats ?? tier.IncludedSeats;
            errors.When(contacts is < 1 || contacts > product.MaxContacts, "plan.contacts", $"plan.contacts must be between 1 and {product.MaxContacts}.");
            errors.When(seats is < 1 or > 10_000, "plan.seats", "plan.seats must be between 1 and 10000.");
        }
        else
        {
            errors.When(request.Contacts is not null, "plan.contacts", "plan.contacts applies to marketing plans only.");
            seats = request.Seats;
            errors.When(request.Seats is null || request.Seats < tier.MinimumUnits || request.Seats > 100_000, "plan.seats",
                $"plan.seats (the number of {(product.Pricing == PricingModels.PerUser ? "users" : "licences")}) must be between {tier.MinimumUnits} and 100000.");
        }

        return new AccountPlan(product.Code, tier.Code, contacts, seats, ValidateAddOns(request, product, tier, errors), request.Cadence ?? "");
    }

    private static List<AddOnQuantity> ValidateAddOns(PlanRequest request, CatalogProduct product, CatalogTier tier, FieldErrors errors)
    {
        var addOns = new List<AddOnQuantity>();
        foreach (var (requested, index) in (request.AddOns ?? []).Select((a, i) => (a, i)))
        {
            var field = $"plan.add_ons[{index}]";
            var addOn = requested?.Code is null ? null : product.FindAddOn(requested.Code);
            if (addOn is null)
            {
                errors.Add(field, $"{field}.code is not an add-on of {product.Code}.");
                continue;
            }
            var quantity = requested!.Quantity ?? 1;
            errors.When(quantity is < 0 or > 100_000, field, $"{field}.quantity must be between 0 and 100000.");
            errors.When(addOn.RequiresSmsTier == true && tier.AllowsSms != true, field, $"{addOn.Code} needs a tier other than {tier.Code}.");
            errors.When(addOns.Any(a => a.Code == addOn.Code), field, $"{addOn.Code} is listed twice.");
            addOns.Add(new AddOnQuantity(addOn.Code, quantity));
        }
        return addOns;
    }

    private sealed class FieldErrors(Action<string, string> reject)
    {
        public void Add(string field, string message) => reject(field, message);

        public void When(bool condition, string field, string message)
        {
            if (condition)
            {
                reject(field, message);
            }
        }
    }
}
