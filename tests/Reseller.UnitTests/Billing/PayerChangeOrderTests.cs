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
    public void A_payer_or_card_chosen_under_the_former_partner_and_consumed_after_the_move_in_changes_nothing_for_the_new_one()
    {
        var formerCard = Guid.NewGuid();
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, formerCard, "pending", T0, "a@b.test"));
        var newPartner = Guid.NewGuid();
        Assert.True(account.TransferredOut(T0.AddMinutes(2)));
        Assert.True(account.TransferredIn(newPartner, "acct", Plus, Payers.Partner, T0.AddMinutes(3)));

        Assert.False(account.PaidBy(Payers.Customer, Guid.NewGuid(), T0.AddMinutes(1)));
        Assert.False(account.ChooseCard(formerCard, T0.AddMinutes(1)));

        Assert.Equal(Payers.Partner, account.Payer);
        Assert.Null(account.BillingProfileId);
        Assert.True(account.ChooseCard(Guid.NewGuid(), T0.AddMinutes(4)));
        Assert.True(account.PaidBy(Payers.Customer, Guid.NewGuid(), T0.AddMinutes(5)));
    }

    [Fact]
    public void An_invoice_the_partner_owes_stays_on_its_remembered_card_after_the_client_took_over_paying()
    {
        var partnerCard = Guid.NewGuid();
        var customerCard = Guid.NewGuid();
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, partnerCard, "pending", T0, "a@b.test"));
        Assert.Equal(partnerCard, account.CardFor(Payers.Partner));

        Assert.True(account.PaidBy(Payers.Customer, customerCard, T0.AddMinutes(1)));

        Assert.Equal(partnerCard, account.CardFor(Payers.Partner));
        Assert.Equal(customerCard, account.CardFor(Payers.Customer));
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

    [Fact]
    public void A_plan_change_naming_another_payer_waits_while_no_payer_change_at_or_after_it_was_applied()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "a@b.test"));

        // Switched to the customer at T0+2, the seat added at T0+3: the plan change overtook the switch.
        Assert.True(account.AwaitsPayerChangeBefore(Payers.Customer, T0.AddMinutes(3)));

        // An older payer change (back and forth before T0+2) does not replace the one awaited.
        Assert.True(account.PaidBy(Payers.Customer, Guid.NewGuid(), T0.AddMinutes(1)));
        Assert.True(account.PaidBy(Payers.Partner, null, T0.AddMinutes(1).AddSeconds(30)));
        Assert.True(account.AwaitsPayerChangeBefore(Payers.Customer, T0.AddMinutes(3)));

        Assert.True(account.PaidBy(Payers.Customer, Guid.NewGuid(), T0.AddMinutes(2)));
        Assert.False(account.AwaitsPayerChangeBefore(Payers.Customer, T0.AddMinutes(3)));
    }

    [Fact]
    public void A_plan_change_older_than_the_payer_change_applied_does_not_wait_for_one_that_cannot_come()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "a@b.test"));
        Assert.True(account.PaidBy(Payers.Customer, Guid.NewGuid(), T0.AddMinutes(5)));

        // Made while the partner still paid (T0+3), or at the very time of the switch (as stored, to the microsecond).
        Assert.False(account.AwaitsPayerChangeBefore(Payers.Partner, T0.AddMinutes(3)));
        Assert.False(account.AwaitsPayerChangeBefore(Payers.Partner, T0.AddMinutes(5).AddTicks(5)));
        Assert.True(account.AwaitsPayerChangeBefore(Payers.Partner, T0.AddMinutes(5).AddTicks(10)));
    }

    [Fact]
    public void A_plan_change_older_than_the_transfer_applied_does_not_wait_for_a_payer_change()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Customer, Guid.NewGuid(), "pending", T0, "a@b.test"));
        Assert.True(account.TransferredIn(Guid.NewGuid(), "acct", Plus, Payers.Partner, T0.AddMinutes(5)));

        Assert.False(account.AwaitsPayerChangeBefore(Payers.Customer, T0.AddMinutes(3)));
        Assert.True(account.AwaitsPayerChangeBefore(Payers.Customer, T0.AddMinutes(6)));
    }

    [Fact]
    public void A_plan_change_naming_the_current_payer_or_none_does_not_wait()
    {
        var account = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending", T0, "a@b.test"));

        Assert.False(account.AwaitsPayerChangeBefore(Payers.Partner, T0.AddMinutes(3)));
        Assert.False(account.AwaitsPayerChangeBefore(null, T0.AddMinutes(3)));

        Assert.True(account.PaidBy(Payers.Customer, Guid.NewGuid(), T0.AddMinutes(1)));
        Assert.False(account.AwaitsPayerChangeBefore(Payers.Customer, T0.AddMinutes(3)));
        Assert.False(account.AwaitsPayerChangeBefore(null, T0.AddMinutes(3)));
    }
}
