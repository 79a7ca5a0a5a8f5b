using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

public sealed class TransferOrderTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid FormerPartner = Guid.NewGuid();
    private static readonly Guid NewPartner = Guid.NewGuid();

    private static BilledAccount ActiveAccount()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), FormerPartner, "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "a@b.test"));
        account.PeriodPaid(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        return account;
    }

    [Fact]
    public void In_order_a_move_out_closes_the_account_and_the_later_move_in_reopens_it_for_the_new_partner()
    {
        var account = ActiveAccount();
        Assert.True(account.TransferredOut(T0.AddDays(1)));
        Assert.Equal(AccountStatus.Transferred, account.Status);
        account.FollowStatus(AccountStatuses.Transferred, T0.AddDays(1));
        Assert.True(account.TransferredIn(NewPartner, "acct", Plus, Payers.Partner, T0.AddDays(2)));
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(NewPartner, account.PartnerId);
    }

    [Fact]
    public void A_move_out_older_than_the_applied_move_in_changes_nothing()
    {
        var account = ActiveAccount();
        Assert.True(account.TransferredOut(T0.AddDays(1)));
        Assert.True(account.TransferredIn(NewPartner, "acct", Plus, Payers.Partner, T0.AddDays(2)));

        Assert.False(account.TransferredOut(T0.AddDays(1)));
        account.FollowStatus(AccountStatuses.Transferred, T0.AddDays(1));

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.False(account.IsClosed);
        Assert.Equal(T0.AddDays(2), account.LastTransferAt);
    }

    [Fact]
    public void A_move_in_older_than_the_applied_move_out_changes_nothing()
    {
        var account = ActiveAccount();
        Assert.True(account.TransferredOut(T0.AddDays(3)));

        Assert.False(account.TransferredIn(NewPartner, "acct", Plus, Payers.Partner, T0.AddDays(2)));

        Assert.Equal(AccountStatus.Transferred, account.Status);
        Assert.Equal(FormerPartner, account.PartnerId);
    }

    [Fact]
    public void A_status_change_after_the_latest_transfer_still_applies()
    {
        var account = ActiveAccount();
        Assert.True(account.TransferredOut(T0.AddDays(1)));
        Assert.True(account.TransferredIn(NewPartner, "acct", Plus, Payers.Partner, T0.AddDays(2)));

        account.FollowStatus(AccountStatuses.Cancelled, T0.AddDays(3));

        Assert.Equal(AccountStatus.Cancelled, account.Status);
    }

    [Fact]
    public void A_change_made_before_the_latest_move_is_from_the_former_holding_and_one_made_at_or_after_it_is_not()
    {
        var account = ActiveAccount();
        Assert.False(account.MovedSince(T0.AddDays(1)));
        Assert.True(account.TransferredOut(T0.AddDays(2)));

        Assert.True(account.MovedSince(T0.AddDays(2).AddTicks(-10)));
        Assert.False(account.MovedSince(T0.AddDays(2)));
        Assert.False(account.MovedSince(T0.AddDays(3)));
    }
}
