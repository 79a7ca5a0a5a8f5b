using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>Two address changes close together may be consumed in either order: notices follow the later one.</summary>
public sealed class NotificationEmailOrderTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static BilledAccount Account() =>
        BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "first@agency.test"));

    [Fact]
    public void An_older_address_delivered_after_the_newer_one_is_ignored()
    {
        var account = Account();

        account.NotifyAt("third@agency.test", T0.AddMinutes(2));
        account.NotifyAt("second@agency.test", T0.AddMinutes(1));

        Assert.Equal("third@agency.test", account.NotificationEmail);
    }

    [Fact]
    public void In_order_each_change_applies()
    {
        var account = Account();

        account.NotifyAt("second@agency.test", T0.AddMinutes(1));
        account.NotifyAt("third@agency.test", T0.AddMinutes(2));

        Assert.Equal("third@agency.test", account.NotificationEmail);
        Assert.Equal(T0.AddMinutes(2), account.NotificationEmailChangedAt);
    }
}
