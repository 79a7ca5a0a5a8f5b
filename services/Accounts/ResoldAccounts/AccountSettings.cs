namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The validated settings of a PATCH; null means unchanged.</summary>
public sealed record AccountSettings(string? NotificationEmail, string? Language, string? TimeZone, string? CustomDomain, Guid? BillingProfileId);
