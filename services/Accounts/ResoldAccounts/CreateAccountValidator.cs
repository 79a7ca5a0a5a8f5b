using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Billing;
using Reseller.Accounts.Data;
using Reseller.Accounts.Lifecycle;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>
/// Validates every field of a new account at once, so the partner sees all that is wrong in one answer: the request's own
/// checks, then the plan against the catalog and the billing profile against Billing.
/// </summary>
public sealed class CreateAccountValidator(ProductCatalog catalog, AccountsDb db, BillingProfileDirectory billingProfiles)
{
    /// <param name="billingProfileTrusted">True when the caller made the profile itself (a referral signup's customer card).</param>
    public async Task<NewAccount> ValidateAsync(Guid partnerId, CreateAccountRequest request, CancellationToken cancellationToken, bool billingProfileTrusted = false)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        var name = request.NormalizedName();
        var customDomain = request.NormalizedCustomDomain();
        var payer = request.PayerOrDefault();
        var validatedPlan = PlanRules.Validate(request.Plan, catalog, (field, message) => errors.Add(field, message));
        var plan = validatedPlan is null ? null : Plan.From(validatedPlan).WithTrialAddOns(catalog);
        var billingProfileId = await ValidateBillingProfileAsync(request, plan, errors, billingProfileTrusted, cancellationToken);

        errors.ThrowIfAny();
        // Taken names and domains are a conflict with another account (409), answered once the request itself is valid.
        var taken = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (await db.Accounts.AnyAsync(a => a.Name == name, cancellationToken))
        {
            taken["name"] = ["name is already taken on the platform."];
        }
        if (customDomain is not null && await db.Accounts.AnyAsync(a => a.CustomDomain == customDomain, cancellationToken))
        {
            taken["custom_domain"] = ["custom_domain is already used by another account."];
        }
        if (taken.Count > 0)
        {
            throw new ProblemException(409, "name-taken", "The account name or custom domain is already taken.", "See errors for each taken value.", taken);
        }

        return new NewAccount(partnerId, name, customDomain,
            new Customer { Name = request.Customer!.Name!.Trim(), Email = request.Customer.Email!.Trim() },
            request.NotificationEmail!.Trim(), request.Language!, request.TimeZone!, plan!, billingProfileId, payer);
    }

    private async Task<Guid?> ValidateBillingProfileAsync(CreateAccountRequest request, Plan? plan, ValidationErrors errors, bool trusted, CancellationToken cancellationToken)
    {
        if (request.BillingProfileId is null)
        {
            errors.When(plan is not null && plan.Cadence != PlanCadences.Trial, "billing_profile_id", "billing_profile_id is required for a paid account.");
            return null;
        }
        if (!PublicId.TryParse(AccountResponse.BillingProfilePrefix, request.BillingProfileId, out var id)
            || (!trusted && !await billingProfiles.BelongsToCallerAsync(request.BillingProfileId, cancellationToken)))
        {
            errors.Add("billing_profile_id", "billing_profile_id is not one of your billing profiles.");
            return null;
        }
        return id;
    }
}
