using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>Which periods an account still runs through: a charge for a period it does not reach is voided and refunded.</summary>
public sealed class AccountEndTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PaidUntil = new(2026, 4, 1);

    private static BilledAccount ActiveAccount()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "a@b.test"));
        account.PeriodPaid(new DateOnly(2026, 3, 1), PaidUntil);
        return account;
    }

    [Fact]
    public void An_active_account_runs_on_into_its_next_period()
    {
        Assert.False(ActiveAccount().EndsBefore(PaidUntil));
    }

    [Fact]
    public void A_cancelled_account_ends_with_its_paid_period_but_still_runs_through_it()
    {
        var account = ActiveAccount();
        account.FollowStatus(AccountStatuses.Cancelled, T0.AddDays(3));

        Assert.True(account.EndsBefore(PaidUntil));
        Assert.True(account.EndsBefore(PaidUntil.AddMonths(1)));
        Assert.False(account.EndsBefore(PaidUntil.AddDays(-10)));
    }

    [Fact]
    public void A_cancelled_account_renewed_by_its_partner_runs_on_again()
    {
        var account = ActiveAccount();
        account.FollowStatus(AccountStatuses.Cancelled, T0.AddDays(3));
        account.FollowStatus(AccountStatuses.Active, T0.AddDays(4));

        Assert.False(account.EndsBefore(PaidUntil));
    }

    [Theory]
    [InlineData(AccountStatuses.Expired)]
    [InlineData(AccountStatuses.Transferred)]
    public void A_closed_account_runs_through_no_period_at_all(string status)
    {
        var account = ActiveAccount();
        account.FollowStatus(status, T0.AddDays(3));

        Assert.True(account.EndsBefore(PaidUntil.AddDays(-10)));
    }
}
