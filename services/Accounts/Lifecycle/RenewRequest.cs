namespace Reseller.Accounts.Lifecycle;

public sealed record RenewRequest(string? BillingProfileId);
