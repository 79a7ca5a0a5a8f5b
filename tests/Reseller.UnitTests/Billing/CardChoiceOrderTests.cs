using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>Two card choices close together may be consumed in either order: renewals go to the later one.</summary>
public sealed class CardChoiceOrderTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid OpeningCard = Guid.NewGuid();
    private static readonly Guid FirstChoice = Guid.NewGuid();
    private static readonly Guid SecondChoice = Guid.NewGuid();

    private static BilledAccount Account() =>
        BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, OpeningCard, "pending", T0, "a@b.test"));

    [Fact]
    public void An_older_choice_delivered_after_the_newer_one_changes_nothing()
    {
        var account = Account();

        Assert.True(account.ChooseCard(SecondChoice, T0.AddMinutes(2)));
        Assert.True(account.IsBeforeCardChoice(T0.AddMinutes(1)));
        Assert.False(account.ChooseCard(FirstChoice, T0.AddMinutes(1)));

        Assert.Equal(SecondChoice, account.BillingProfileId);
        Assert.Equal(T0.AddMinutes(2), account.CardChosenAt);
    }

    [Fact]
    public void In_order_each_choice_applies_and_the_same_one_delivered_twice_still_applies()
    {
        var account = Account();

        Assert.True(account.ChooseCard(FirstChoice, T0.AddMinutes(1)));
        Assert.True(account.ChooseCard(SecondChoice, T0.AddMinutes(2)));
        Assert.True(account.ChooseCard(SecondChoice, T0.AddMinutes(2)));

        Assert.Equal(SecondChoice, account.BillingProfileId);
    }

    [Fact]
    public void The_card_the_account_was_opened_with_gives_way_to_any_choice()
    {
        var account = Account();

        Assert.False(account.IsBeforeCardChoice(T0.AddYears(-1)));
        Assert.True(account.ChooseCard(FirstChoice, T0.AddYears(-1)));
        Assert.Equal(FirstChoice, account.BillingProfileId);
    }
}
