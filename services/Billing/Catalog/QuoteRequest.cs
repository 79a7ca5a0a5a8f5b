using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

public sealed record QuoteRequest(PlanRequest? Plan, string? Payer) : IValidatedRequest<ProductCatalog>
{
    public void Validate(ValidationErrors errors, ProductCatalog catalog)
    {
        PlanRules.Validate(Plan, catalog, (field, message) => errors.Add(field, message));
        errors.When(Payer is not null && !Payers.All.Contains(Payer), "payer", "payer must be partner or customer.");
    }

    /// <summary>The plan of a valid request.</summary>
    public AccountPlan ToPlan(ProductCatalog catalog) => PlanRules.Validate(Plan, catalog, static (_, _) => { })!;
}
