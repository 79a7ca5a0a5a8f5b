using Reseller.Contracts.Accounts;

namespace Reseller.Partners.FollowedAccounts;

/// <summary>
/// What Partners knows of a resold account, from Accounts' events only: enough to count the partner's paid accounts.
/// Events travel on queues of their own and may arrive out of order, so each fact keeps the time it was last set and an
/// event sets only the facts it is newer for: a payer switch consumed before the older activation keeps both.
/// </summary>
public sealed class FollowedAccount
{
    public Guid AccountId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Cadence { get; private set; } = "";
    public string Payer { get; private set; } = Payers.Partner;
    public string Status { get; private set; } = AccountStatuses.Pending;
    /// <summary>
    /// When the account was created (or, moved in before Partners heard of its creation, when it joined); null while only
    /// later events of it were consumed. A payment of the account waits until it is set, so that it is decided knowing
    /// whether the account came from a referral, which its AccountCreated tells.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; private set; }
    // When each fact was last set by an event: DateTimeOffset.MinValue, the default, until one did.
    public DateTimeOffset PartnerChangedAt { get; private set; }
    public DateTimeOffset CadenceChangedAt { get; private set; }
    public DateTimeOffset PayerChangedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    private FollowedAccount()
    {
    }

    public static FollowedAccount Start(Guid accountId, Guid partnerId) => new() { AccountId = accountId, PartnerId = partnerId };

    /// <summary>The partner's <see cref="PaidAccounts"/>, which the reseller discount counts.</summary>
    public static System.Linq.Expressions.Expression<Func<FollowedAccount, bool>> IsPaid(Guid partnerId) => a =>
        a.PartnerId == partnerId && a.Payer == PaidAccounts.Payer
        && PaidAccounts.Cadences.Contains(a.Cadence)
        && PaidAccounts.StatusNames.Contains(a.Status);

    public void Created(AccountCreated created)
    {
        CreatedAt = created.CreatedAt;
        Apply(created.PartnerId, created.Plan.Cadence, created.Payer, created.Status, created.CreatedAt);
    }

    public void StatusChanged(AccountStatusChanged changed) =>
        Apply(changed.PartnerId, changed.Cadence, changed.Payer, changed.Status, changed.ChangedAt);

    public void PlanChanged(AccountPlanChanged changed) =>
        Apply(changed.PartnerId, changed.Current.Cadence, null, null, changed.ChangedAt);

    public void PayerChanged(PayerChanged changed) =>
        Apply(changed.PartnerId, null, changed.Payer, null, changed.ChangedAt);

    public void TransferredOut(AccountTransferredOut moved) =>
        Apply(moved.FormerPartnerId, null, null, AccountStatuses.Transferred, moved.TransferredAt);

    public void TransferredIn(AccountTransferredIn moved)
    {
        CreatedAt ??= moved.TransferredAt;
        Apply(moved.PartnerId, moved.Plan.Cadence, moved.Payer, AccountStatuses.Active, moved.TransferredAt);
    }

    private void Apply(Guid partnerId, string? cadence, string? payer, string? status, DateTimeOffset at)
    {
        if (at >= PartnerChangedAt)
        {
            (PartnerId, PartnerChangedAt) = (partnerId, at);
        }
        if (cadence is not null && at >= CadenceChangedAt)
        {
            (Cadence, CadenceChangedAt) = (cadence, at);
        }
        if (payer is not null && at >= PayerChangedAt)
        {
            (Payer, PayerChangedAt) = (payer, at);
        }
        if (status is not null && at >= StatusChangedAt)
        {
            (Status, StatusChangedAt) = (status, at);
        }
    }
}
