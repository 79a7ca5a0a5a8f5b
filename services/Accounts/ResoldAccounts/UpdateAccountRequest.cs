using Reseller.Contracts.Catalog;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>PATCH of an account: only the fields present change; a plan follows the upgrade/downgrade rules.</summary>
public sealed record UpdateAccountRequest(
    string? NotificationEmail,
    string? Language,
    string? TimeZone,
    string? CustomDomain,
    string? BillingProfileId,
    PlanRequest? Plan = null);
