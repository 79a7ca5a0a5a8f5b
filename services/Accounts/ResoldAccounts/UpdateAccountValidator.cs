using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Billing;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

public sealed class UpdateAccountValidator(AccountsDb db, BillingProfileDirectory billingProfiles)
{
    public async Task<AccountSettings> ValidateAsync(Guid accountId, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.NotificationEmail is not null)
        {
            errors.RequireEmail("notification_email", request.NotificationEmail);
        }
        errors.When(request.Language is not null && !AccountFieldRules.Languages.Contains(request.Language), "language",
            $"language must be one of: {string.Join(", ", AccountFieldRules.Languages)}.");
        errors.When(request.TimeZone is not null && !AccountFieldRules.IsTimeZone(request.TimeZone), "time_zone", "time_zone must be an IANA time zone such as Europe/Paris.");
        var customDomain = request.CustomDomain?.Trim().ToLowerInvariant();
        errors.When(customDomain is not null && !AccountFieldRules.IsHostName(customDomain), "custom_domain", "custom_domain must be a valid host name.");
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
