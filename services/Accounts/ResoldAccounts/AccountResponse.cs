using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.ResoldAccounts;

public sealed record AccountResponse(
    string Id,
    string Name,
    string Url,
    string Status,
    PlanResponse Plan,
    string Payer,
    CustomerResponse Customer,
    string NotificationEmail,
    string Language,
    string TimeZone,
    string? CustomDomain,
    string? BillingProfileId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CurrentPeriodEnd,
    AccountLogin? Login,
    PlanResponse? ScheduledPlan = null)
{
    public const string IdPrefix = "acc";
    public const string BillingProfilePrefix = "bp";

    public static AccountResponse From(Account a, AccountUrlOptions urls, AccountLogin? login = null) => new(
        PublicId.Format(IdPrefix, a.Id),
        a.Name,
        urls.LoginUrl(a.Name),
        AccountStatuses.NameOf(a.Status),
        ToResponse(a.Plan),
        a.Payer,
        new CustomerResponse(a.Customer.Name, a.Customer.Email),
        a.NotificationEmail,
        a.Language,
        a.TimeZone,
        a.CustomDomain,
        a.BillingProfileId is { } bp ? PublicId.Format(BillingProfilePrefix, bp) : null,
        a.CreatedAt,
        a.CurrentPeriodEnd,
        login,
        a.ScheduledPlan is { } scheduled ? ToResponse(scheduled) : null);

    private static PlanResponse ToResponse(Plan plan) => new(plan.Product, plan.Tier, plan.Contacts, plan.Seats,
        plan.AddOns.Select(x => new AddOnResponse(x.Code, x.Quantity)).ToList(), plan.Cadence);
}
