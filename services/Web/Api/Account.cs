namespace Reseller.Web.Api;

public sealed record Account(
    string Id,
    string Name,
    string Url,
    string Status,
    AccountPlan Plan,
    string Payer,
    AccountCustomer Customer,
    string NotificationEmail,
    string Language,
    string TimeZone,
    string? BillingProfileId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CurrentPeriodEnd,
    AccountLogin? Login,
    string? CustomDomain = null);
