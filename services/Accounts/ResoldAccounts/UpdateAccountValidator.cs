using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Billing;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The request's own checks and those that need the database (a taken domain, the caller's billing profile), in one answer.</summary>
public sealed class UpdateAccountValidator(AccountsDb db, BillingProfileDirectory billingProfiles)
{
    public async Task<AccountSettings> ValidateAsync(Guid accountId, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        var customDomain = request.NormalizedCustomDomain();
        if (customDomain is not null && !errors.Has("custom_domain"))
        {
            errors.When(await db.Accounts.AnyAsync(a => a.CustomDomain == customDomain && a.Id != accountId, cancellationToken),
                "custom_domain", "custom_domain is already used by another account.");
        }

        Guid? billingProfileId = null;
        if (request.BillingProfileId is not null)
        {
            if (PublicId.TryParse(AccountResponse.BillingProfilePrefix, request.BillingProfileId, out var id)
                && await billingProfiles.BelongsToCallerAsync(request.BillingProfileId, cancellationToken))
            {
                billingProfileId = id;
            }
            else
            {
                errors.Add("billing_profile_id", "billing_profile_id is not one of your billing profiles.");
            }
        }
        errors.ThrowIfAny();
        return new AccountSettings(request.NotificationEmail?.Trim(), request.Language, request.TimeZone, customDomain, billingProfileId);
    }
}
