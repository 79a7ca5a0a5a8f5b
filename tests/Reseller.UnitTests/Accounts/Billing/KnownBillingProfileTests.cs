using Reseller.Accounts.Billing;

namespace Reseller.UnitTests.Accounts.Billing;

/// <summary>The card Accounts follows from Billing's events answers as Billing would, whatever order the events arrive in.</summary>
public sealed class KnownBillingProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid partner = Guid.CreateVersion7();
    private readonly Guid account = Guid.CreateVersion7();

    [Fact]
    public void A_partner_names_its_own_card_and_a_customer_its_accounts_never_each_others()
    {
        var partnerCard = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);
        partnerCard.Created(partner, accountId: null, Now);
        var customerCard = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);
        customerCard.Created(partner, account, Now);

        Assert.True(partnerCard.BelongsTo(partner, accountId: null));
        Assert.False(partnerCard.BelongsTo(partner, account));
        Assert.False(partnerCard.BelongsTo(Guid.CreateVersion7(), accountId: null));
        Assert.True(customerCard.BelongsTo(partner, account));
        Assert.False(customerCard.BelongsTo(partner, accountId: null));
        Assert.False(customerCard.BelongsTo(partner, Guid.CreateVersion7()));
    }

    [Fact]
    public void A_deletion_heard_before_the_creation_still_wins()
    {
        var card = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);
        card.Deleted(Now);
        card.Created(partner, accountId: null, Now.AddSeconds(-1));

        Assert.True(card.IsSettled);
        Assert.False(card.BelongsTo(partner, accountId: null));
    }

    [Fact]
    public void A_referral_card_adopted_by_its_account_is_the_customers_in_either_order_of_the_events()
    {
        var adoptedFirst = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);
        adoptedFirst.Adopted(partner, account, Now.AddSeconds(1));
        adoptedFirst.Created(partner, accountId: null, Now);
        var createdFirst = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);
        createdFirst.Created(partner, accountId: null, Now);
        createdFirst.Adopted(partner, account, Now.AddSeconds(1));

        foreach (var card in new[] { adoptedFirst, createdFirst })
        {
            Assert.True(card.BelongsTo(partner, account));
            Assert.False(card.BelongsTo(partner, accountId: null));
        }
    }

    [Fact]
    public void A_repeated_creation_changes_nothing()
    {
        var card = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);
        card.Created(partner, accountId: null, Now);
        card.Created(Guid.CreateVersion7(), account, Now.AddSeconds(5));

        Assert.True(card.BelongsTo(partner, accountId: null));
        Assert.Equal(Now, card.UpdatedAt);
    }

    [Fact]
    public void A_card_heard_of_by_nothing_but_its_id_is_not_settled_so_billing_is_asked()
    {
        var card = KnownBillingProfile.Unknown(Guid.CreateVersion7(), Now);

        Assert.False(card.IsSettled);
        Assert.False(card.BelongsTo(partner, accountId: null));
    }
}
