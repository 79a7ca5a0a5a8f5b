namespace Reseller.Web.Api;

public sealed record NewAccountRequest(
    string Name,
    AccountCustomer Customer,
    string NotificationEmail,
    string Language,
    string TimeZone,
    PlanRequest Plan,
    string? BillingProfileId);
