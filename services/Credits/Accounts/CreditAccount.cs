using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;

namespace Reseller.Credits.Accounts;

/// <summary>
/// What Credits knows of a resold account, from Accounts' events only: whose it is and whether it may receive SMS credit.
/// A transferred-out account belongs to no partner (PartnerId null) until it is transferred in again.
/// </summary>
public sealed class CreditAccount
{
    public Guid AccountId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string Product { get; private set; } = "";
    public string Tier { get; private set; } = "";
    public bool SmsAllowed { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CreditAccount()
    {
    }

    public static CreditAccount Follow(Guid accountId, Guid partnerId, AccountPlan plan, ProductCatalog catalog, DateTimeOffset at)
    {
        var account = new CreditAccount { AccountId = accountId, PartnerId = partnerId };
        account.Plan(plan, null, catalog, at);
        return account;
    }

    /// <summary>
    /// SMS credit goes only to a tier that allows SMS; a downgrade to a tier without SMS, even one scheduled for the next
    /// renewal, stops new assignments at once (what the account already holds stays).
    /// </summary>
    public void Plan(AccountPlan current, AccountPlan? scheduled, ProductCatalog catalog, DateTimeOffset at)
    {
        Product = current.Product;
        Tier = current.Tier;
        SmsAllowed = AllowsSms(current, catalog) && (scheduled is null || AllowsSms(scheduled, catalog));
        UpdatedAt = at;
    }

    public void TransferredOut(DateTimeOffset at)
    {
        PartnerId = null;
        UpdatedAt = at;
    }

    public void TransferredIn(Guid partnerId, AccountPlan plan, ProductCatalog catalog, DateTimeOffset at)
    {
        PartnerId = partnerId;
        Plan(plan, null, catalog, at);
    }

    private static bool AllowsSms(AccountPlan plan, ProductCatalog catalog) =>
        catalog.FindProduct(plan.Product)?.FindTier(plan.Tier)?.AllowsSms != false;
}
