using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

public sealed class PayerChangeOrderTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_payer_change_older_than_the_one_applied_changes_nothing_and_the_remembered_partner_card_stays()
    {
        var partnerCard = Guid.NewGuid();
        var customerCard = Guid.NewGuid();
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, partnerCard, "pending", T0, "a@b.test"));

        Assert.True(account.PaidBy(Payers.Customer, customerCard, T0.AddMinutes(1)));
        Assert.True(account.PaidBy(Payers.Partner, null, T0.AddMinutes(3)));
        Assert.False(account.PaidBy(Payers.Customer, customerCard, T0.AddMinutes(2)));

        Assert.Equal(Payers.Partner, account.Payer);
        Assert.Equal(partnerCard, account.BillingProfileId);
        Assert.True(account.IsBeforePayerChange(T0.AddMinutes(2)));
        Assert.False(account.IsBeforePayerChange(T0.AddMinutes(3).AddTicks(5)));
    }

    [Fact]
    public void A_switch_to_the_partner_without_a_remembered_partner_card_never_keeps_the_customers_own_card()
    {
        var customerCard = Guid.NewGuid();
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Customer, customerCard, "pending", T0, "a@b.test"));

        Assert.True(account.PaidBy(Payers.Partner, null, T0.AddMinutes(1)));

        Assert.Equal(Payers.Partner, account.Payer);
        Assert.Null(account.BillingProfileId);
    }
}
