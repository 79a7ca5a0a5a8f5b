using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

public sealed record QuoteRequest(PlanRequest? Plan, string? Payer)
{
    public static AccountPlan Validate(QuoteRequest request, ProductCatalog catalog)
    {
        var errors = new ValidationErrors();
        var plan = PlanRules.Validate(request.Plan, catalog, (field, message) => errors.Add(field, message));
        errors.When(request.Payer is not null && !Payers.All.Contains(request.Payer), "payer", "payer must be partner or customer.");
        errors.ThrowIfAny();
        return plan!;
    }
}
