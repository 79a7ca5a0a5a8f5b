using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>Billing's consumers take Accounts' status events concurrently, so they may arrive out of order.</summary>
public sealed class StatusOrderTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static BilledAccount ActiveAccount()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "a@b.test"));
        account.PeriodPaid(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        return account;
    }

    [Fact]
    public void An_activation_delivered_after_the_later_cancellation_leaves_the_account_cancelled()
    {
        var account = ActiveAccount();

        account.FollowStatus(AccountStatuses.Cancelled, T0.AddMinutes(2));
        account.FollowStatus(AccountStatuses.Active, T0.AddMinutes(1));

        Assert.Equal(AccountStatus.Cancelled, account.Status);
        Assert.Equal(T0.AddMinutes(2), account.StatusFollowedAt);
    }

    [Fact]
    public void In_order_a_cancellation_then_a_renewal_by_the_partner_makes_it_active_again()
    {
        var account = ActiveAccount();

        account.FollowStatus(AccountStatuses.Cancelled, T0.AddMinutes(1));
        account.FollowStatus(AccountStatuses.Active, T0.AddMinutes(2));

        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void The_same_change_delivered_twice_still_applies()
    {
        var account = ActiveAccount();

        account.FollowStatus(AccountStatuses.Cancelled, T0.AddMinutes(1));
        account.FollowStatus(AccountStatuses.Cancelled, T0.AddMinutes(1));

        Assert.Equal(AccountStatus.Cancelled, account.Status);
    }
}
