using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.CustomerAccess;

/// <summary>An account as its own users see it: product settings; billing only when the customer pays.</summary>
public sealed record CustomerAccountResponse(
    string Id,
    string Name,
    string Url,
    string Status,
    PlanResponse Plan,
    string Language,
    string TimeZone,
    string? CustomDomain,
    CustomerBilling? Billing)
{
    public static CustomerAccountResponse From(Account a, AccountUrlOptions urls)
    {
        var full = AccountResponse.From(a, urls);
        var billing = a.Payer == Payers.Customer ? new CustomerBilling(a.Payer, full.BillingProfileId, a.CurrentPeriodEnd) : null;
        return new(PublicId.Format(AccountResponse.IdPrefix, a.Id), a.Name, full.Url, full.Status, full.Plan, a.Language, a.TimeZone, a.CustomDomain, billing);
    }
}
