using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

public sealed record CreateAccountRequest(
    string? Name,
    string? CustomDomain,
    CustomerRequest? Customer,
    string? NotificationEmail,
    string? Language,
    string? TimeZone,
    PlanRequest? Plan,
    string? BillingProfileId,
    string? Payer,
    string? FromSnapshotId = null) : IValidatedRequest
{
    public string NormalizedName() => Name?.Trim() ?? "";

    public string? NormalizedCustomDomain() => string.IsNullOrWhiteSpace(CustomDomain) ? null : CustomDomain.Trim().ToLowerInvariant();

    public string PayerOrDefault() => Payer ?? Payers.Partner;

    /// <summary>The fields' own rules; <see cref="CreateAccountValidator"/> adds the plan (catalog) and the billing profile (Billing).</summary>
    public void Validate(ValidationErrors errors)
    {
        errors.When(!AccountFieldRules.IsAccountName(NormalizedName()), "name", "name must be 3 to 63 characters of a-z, 0-9 and '-', not starting or ending with '-'.");
        errors.When(NormalizedCustomDomain() is { } domain && !AccountFieldRules.IsHostName(domain), "custom_domain", "custom_domain must be a valid host name.");
        errors.RequireText("customer.name", Customer?.Name, 200).RequireEmail("customer.email", Customer?.Email);
        errors.RequireEmail("notification_email", NotificationEmail);
        errors.When(Language is null || !AccountFieldRules.Languages.Contains(Language), "language",
            $"language must be one of: {string.Join(", ", AccountFieldRules.Languages)}.");
        errors.When(TimeZone is null || !AccountFieldRules.IsTimeZone(TimeZone), "time_zone", "time_zone must be an IANA time zone such as Europe/Paris.");
        errors.When(!Payers.All.Contains(PayerOrDefault()), "payer", "payer must be partner or customer.");
    }
}
