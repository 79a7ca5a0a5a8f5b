using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

public sealed record QuoteRequest(PlanRequest? Plan, string? Payer)
{
    public static AccountPlan Validate(QuoteRequest request, ProductCatalog catalog)
    {
        var errors = new ValidationErrors();
        var plan = PlanRules.Validate(request.Plan, catalog, errors);
        errors.When(request.Payer is not null && !Accounts.Payers.All.Contains(request.Payer), "payer", "payer must be partner or customer.");
        errors.ThrowIfAny();
        return plan!;
    }
}
