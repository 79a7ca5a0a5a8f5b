using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>PATCH of an account: only the fields present change; a plan follows the upgrade/downgrade rules.</summary>
public sealed record UpdateAccountRequest(
    string? NotificationEmail,
    string? Language,
    string? TimeZone,
    string? CustomDomain,
    string? BillingProfileId,
    PlanRequest? Plan = null) : IValidatedRequest
{
    public string? NormalizedCustomDomain() => CustomDomain?.Trim().ToLowerInvariant();

    /// <summary>The fields' own rules; <see cref="UpdateAccountValidator"/> adds those that need the database.</summary>
    public void Validate(ValidationErrors errors)
    {
        if (NotificationEmail is not null)
        {
            errors.RequireEmail("notification_email", NotificationEmail);
        }
        errors.When(Language is not null && !AccountFieldRules.Languages.Contains(Language), "language",
            $"language must be one of: {string.Join(", ", AccountFieldRules.Languages)}.");
        errors.When(TimeZone is not null && !AccountFieldRules.IsTimeZone(TimeZone), "time_zone", "time_zone must be an IANA time zone such as Europe/Paris.");
        errors.When(NormalizedCustomDomain() is { } domain && !AccountFieldRules.IsHostName(domain), "custom_domain", "custom_domain must be a valid host name.");
    }
}
