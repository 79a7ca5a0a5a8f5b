using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

/// <summary>A plan to price: for a new account (payer optional), or as a change of an existing one (<see cref="AccountId"/>; its own payer pays).</summary>
public sealed record QuoteRequest(PlanRequest? Plan, string? Payer, string? AccountId = null)
{
    public static AccountPlan Validate(QuoteRequest request, ProductCatalog catalog)
    {
        var errors = new ValidationErrors();
        var plan = PlanRules.Validate(request.Plan, catalog, (field, message) => errors.Add(field, message));
        errors.When(request.Payer is not null && !Payers.All.Contains(request.Payer), "payer", "payer must be partner or customer.");
        errors.When(request.AccountId is not null && request.Payer is not null, "payer", "payer cannot be given with account_id: the account's own payer pays a change.");
        errors.ThrowIfAny();
        return plan!;
    }
}
