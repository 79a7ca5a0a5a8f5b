namespace Reseller.Accounts.CustomerAccess;

/// <summary>Billing as the customer sees it: present only when the customer pays.</summary>
public sealed record CustomerBilling(string Payer, string? BillingProfileId, DateTimeOffset? CurrentPeriodEnd);
