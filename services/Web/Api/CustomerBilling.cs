namespace Reseller.Web.Api;

public sealed record CustomerBilling(string Payer, string? BillingProfileId, DateTimeOffset? CurrentPeriodEnd);
