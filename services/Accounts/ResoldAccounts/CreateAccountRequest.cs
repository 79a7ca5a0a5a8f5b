using Reseller.Contracts.Catalog;

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
    string? FromSnapshotId = null);
