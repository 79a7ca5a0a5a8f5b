using System.Security.Claims;

using Microsoft.AspNetCore.Authorization;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Lifecycle;

/// <summary>Validates plan and seat changes against the catalog, applies them to the account and publishes AccountPlanChanged.</summary>
public sealed class PlanChanger(AccountsDb db, ProductCatalog catalog, PlanChangePolicy policy, IAuthorizationService authorization)
{
    /// <summary>A plan change spends the partner's money: only its owner/billing users and API keys may make one.</summary>
    public async Task ChangePlanAsync(Account account, PlanRequest request, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (!(await authorization.AuthorizeAsync(user, PlatformPolicies.PartnerBilling)).Succeeded)
        {
            throw new ProblemException(403, "forbidden", "Changing a plan needs the owner or billing role.");
        }
        var errors = new ValidationErrors();
        var validated = PlanRules.Validate(request, catalog, (field, message) => errors.Add(field, message));
        errors.ThrowIfAny();
        var requested = Plan.From(validated!);
        Publish(account, account.ChangePlan(requested, policy.AppliesNow(account.Plan, requested)), now);
    }

    public void ChangeSeats(Account account, SeatsRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.When(request.Delta is null or 0, "delta", "delta must be a non-zero number of seats (negative to remove).");
        errors.When(request.Delta is < -100_000 or > 100_000, "delta", "delta must be between -100000 and 100000.");
        var addOn = request.AddOn is null ? null : catalog.FindProduct(account.Plan.Product)?.FindAddOn(request.AddOn);
        errors.When(request.AddOn is not null && (addOn is null || addOn.UnitPrice == 0), "add_on",
            $"add_on must be a seat-based add-on of {account.Plan.Product} (conversations), or absent for the plan's own seats.");
        errors.ThrowIfAny();

        var change = account.ChangeSeats(addOn?.Code, request.Delta!.Value);
        CheckStillValid(change.Current);
        if (change.Scheduled is { } scheduled)
        {
            CheckStillValid(scheduled);
        }
        Publish(account, change, now);
    }

    private void CheckStillValid(Plan plan)
    {
        var errors = new ValidationErrors();
        PlanRules.Validate(new PlanRequest(plan.Product, plan.Tier, plan.Contacts, plan.Seats,
            plan.AddOns.Select(a => new AddOnRequest(a.Code, a.Quantity)).ToList(), plan.Cadence), catalog, (field, message) => errors.Add(field, message));
        errors.ThrowIfAny();
    }

    private void Publish(Account account, PlanChange change, DateTimeOffset now) =>
        db.Publish(new AccountPlanChanged(account.Id, account.PartnerId, change.Previous.ToContract(), change.Current.ToContract(),
            change.Scheduled?.ToContract(), now, account.BillingProfileId, account.Payer, change.Revision), now);
}
