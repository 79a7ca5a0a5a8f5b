using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>
/// What Credits knows of a resold account, from Accounts' events only: whose it is, whether it may receive and send SMS,
/// and its status. A transferred-out account belongs to no partner (PartnerId null) until it is transferred in again.
/// Events arrive on separate queues in any order, so the plan and the status each keep the time of the fact they hold; a
/// status that arrives before the account's AccountCreated is kept on a row whose plan is not known yet.
/// </summary>
public sealed class CreditAccount
{
    public const string SmsAddOn = "sms";

    public Guid AccountId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string Product { get; private set; } = "";
    public string Tier { get; private set; } = "";

    /// <summary>May receive SMS credit: the current plan and any scheduled one both carry SMS.</summary>
    public bool SmsAllowed { get; private set; }

    /// <summary>May send SMS now (spend SMS credit): the current plan carries SMS.</summary>
    public bool SmsEnabled { get; private set; }

    /// <summary>The status name as Accounts publishes it, or empty while Credits has not learnt it.</summary>
    public string Status { get; private set; } = "";

    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>When the plan held was changed (or the account moved): a plan change older than it is not applied.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the latest renewal Credits heard of was paid, null before the first.</summary>
    public DateTimeOffset? RenewalPaidAt { get; private set; }

    /// <summary>When the latest move out or in Credits applied happened, null before the first.</summary>
    public DateTimeOffset? LastTransferAt { get; private set; }

    private CreditAccount()
    {
    }

    public bool PlanKnown => Product.Length > 0;

    public bool StatusKnown => Status.Length > 0;

    /// <summary>In service (docs/business-rules.md): trial, active, payment_failed or cancelled (until it expires).</summary>
    public bool InService => Status is AccountStatuses.Trial or AccountStatuses.Active or AccountStatuses.PaymentFailed or AccountStatuses.Cancelled;

    public static CreditAccount Follow(Guid accountId, Guid partnerId, AccountPlan plan, ProductCatalog catalog, DateTimeOffset at, string? status = null)
    {
        var account = new CreditAccount { AccountId = accountId, PartnerId = partnerId };
        account.Plan(plan, null, catalog, at);
        if (status is not null)
        {
            account.StatusChanged(status, at);
        }
        return account;
    }

    /// <summary>An account known so far only by a status change (its AccountCreated is still on its way).</summary>
    public static CreditAccount FromStatus(Guid accountId, Guid? partnerId, string status, DateTimeOffset at)
    {
        var account = new CreditAccount { AccountId = accountId, PartnerId = partnerId, UpdatedAt = DateTimeOffset.MinValue };
        account.StatusChanged(status, at);
        return account;
    }

    /// <summary>
    /// SMS needs the sms add-on on a tier that allows SMS (a marketing tier other than lite). A downgrade without it, even
    /// one scheduled for the next renewal, stops new assignments at once; sending stops when it takes effect. What the
    /// account already holds stays.
    /// </summary>
    public void Plan(AccountPlan current, AccountPlan? scheduled, ProductCatalog catalog, DateTimeOffset at)
    {
        Product = current.Product;
        Tier = current.Tier;
        SmsEnabled = CarriesSms(current, catalog);
        SmsAllowed = SmsEnabled && (scheduled is null || CarriesSms(scheduled, catalog));
        UpdatedAt = at;
    }

    /// <summary>
    /// Accounts changed the plan: applied unless a newer change is already known. A renewal paid after the change, and
    /// consumed before it, has already applied the plan it scheduled (<see cref="RenewalPaid"/>).
    /// </summary>
    public void PlanChanged(AccountPlan current, AccountPlan? scheduled, ProductCatalog catalog, DateTimeOffset at)
    {
        if (at < UpdatedAt)
        {
            return;
        }
        Plan(current, scheduled, catalog, at);
        if (RenewalPaidAt > at)
        {
            SmsEnabled = SmsAllowed;
        }
    }

    /// <summary>
    /// A renewal was paid: a plan scheduled for it is the plan now (Accounts applies it then, with no event of its own), so
    /// SMS sends only if that plan carries it. A plan heard after the payment (a later change, consumed first) stands.
    /// </summary>
    public void RenewalPaid(DateTimeOffset paidAt)
    {
        if (RenewalPaidAt is null || paidAt > RenewalPaidAt)
        {
            RenewalPaidAt = paidAt;
        }
        if (paidAt < UpdatedAt)
        {
            return;
        }
        SmsEnabled = SmsAllowed;
    }

    /// <summary>Applies a status unless a newer one is already known.</summary>
    public void StatusChanged(string status, DateTimeOffset at)
    {
        if (StatusKnown && at < StatusChangedAt)
        {
            return;
        }
        Status = status;
        StatusChangedAt = at;
    }

    /// <summary>
    /// The account left its partner: it belongs to none until it moves in again. A move heard after a later one (the two
    /// consumed out of order: out of one partner, then into another) changes nothing.
    /// </summary>
    public void TransferredOut(DateTimeOffset at)
    {
        if (!IsNewerTransfer(at))
        {
            return;
        }
        LastTransferAt = at;
        PartnerId = null;
        UpdatedAt = at;
    }

    /// <summary>A stand-alone account joined a partner, unless a later move is already applied.</summary>
    public void TransferredIn(Guid partnerId, AccountPlan plan, ProductCatalog catalog, DateTimeOffset at)
    {
        if (!IsNewerTransfer(at))
        {
            return;
        }
        LastTransferAt = at;
        PartnerId = partnerId;
        Plan(plan, null, catalog, at);
    }

    private bool IsNewerTransfer(DateTimeOffset at) => LastTransferAt is null || at > LastTransferAt;

    public static bool CarriesSms(AccountPlan plan, ProductCatalog catalog) =>
        catalog.FindProduct(plan.Product) is { } product
        && product.FindTier(plan.Tier)?.AllowsSms == true
        && product.FindAddOn(SmsAddOn) is not null
        && plan.AddOns.Any(a => a.Code == SmsAddOn && a.Quantity > 0);
}
