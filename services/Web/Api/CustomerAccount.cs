namespace Reseller.Web.Api;

/// <summary>An account as its own users see it; <see cref="Billing"/> only when the customer pays.</summary>
public sealed record CustomerAccount(string Id, string Name, string Url, string Status, AccountPlan Plan, string Language, string TimeZone, CustomerBilling? Billing);
