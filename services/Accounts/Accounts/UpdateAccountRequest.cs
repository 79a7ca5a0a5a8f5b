namespace Reseller.Accounts.Accounts;

/// <summary>PATCH of an account: only the fields present change. Plan changes follow in their own capability.</summary>
public sealed record UpdateAccountRequest(
    string? NotificationEmail,
    string? Language,
    string? TimeZone,
    string? CustomDomain,
    string? BillingProfileId);
