namespace Reseller.Web.Api;

/// <summary>PATCH of an account's settings: a null field is left out of the request and stays as it is.</summary>
public sealed record AccountSettingsChange(string? NotificationEmail, string? CustomDomain, string? BillingProfileId);
