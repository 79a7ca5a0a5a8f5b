using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

/// <summary>A plan to price: for a new account (payer optional), or as a change of an existing one (<see cref="AccountId"/>; its own payer pays).</summary>
public sealed record QuoteRequest(PlanRequest? Plan, string? Payer, string? AccountId = null) : IValidatedRequest<ProductCatalog>
{
    public void Validate(ValidationErrors errors, ProductCatalog catalog)
    {
        PlanRules.Validate(Plan, catalog, (field, message) => errors.Add(field, message));
        errors.When(Payer is not null && !Payers.All.Contains(Payer), "payer", "payer must be partner or customer.");
        errors.When(AccountId is not null && Payer is not null, "payer", "payer cannot be given with account_id: the account's own payer pays a change.");
    }

    /// <summary>The plan of a valid request.</summary>
    public AccountPlan ToPlan(ProductCatalog catalog) => PlanRules.Validate(Plan, catalog, static (_, _) => { })!;
}
