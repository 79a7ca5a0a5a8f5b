using Reseller.Billing.Payments;
using Reseller.Billing.Profiles;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

public sealed class CardOwnerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TokenizedCard Card = new("tok_sbx_ok_1", "visa", "4242", 12, 2099);
    private readonly Guid partner = Guid.NewGuid();
    private readonly Guid account = Guid.NewGuid();

    [Fact]
    public void A_partner_pays_only_on_its_own_partner_cards_and_a_customer_only_on_its_accounts_own_card()
    {
        var partnerCard = BillingProfile.Create(partner, null, "Agency", Card, Now);
        var customerCard = BillingProfile.Create(partner, account, "Client", Card, Now);

        Assert.True(partnerCard.MayPayFor(Payers.Partner, partner, null));
        Assert.True(partnerCard.MayPayFor(Payers.Partner, partner, account));
        Assert.False(partnerCard.MayPayFor(Payers.Partner, Guid.NewGuid(), null));
        Assert.False(partnerCard.MayPayFor(Payers.Customer, partner, account));
        Assert.False(customerCard.MayPayFor(Payers.Partner, partner, null));
        Assert.False(customerCard.MayPayFor(Payers.Partner, partner, account));
        Assert.True(customerCard.MayPayFor(Payers.Customer, partner, account));
        Assert.False(customerCard.MayPayFor(Payers.Customer, partner, Guid.NewGuid()));
        Assert.False(customerCard.MayPayFor(Payers.Customer, partner, null));
    }

    [Fact]
    public void A_new_account_names_its_partners_card_or_its_own_never_another_partners_and_a_referral_card_only_for_a_customer()
    {
        var partnerCard = BillingProfile.Create(partner, null, "Agency", Card, Now);
        var referralCard = BillingProfile.CreateAwaitingOwner("Client", Card, Now);

        Assert.True(partnerCard.MayBeNamedBy(Payers.Partner, partner, account));
        Assert.True(partnerCard.MayBeNamedBy(Payers.Customer, partner, account));
        Assert.False(partnerCard.MayBeNamedBy(Payers.Partner, Guid.NewGuid(), account));
        Assert.False(BillingProfile.Create(partner, Guid.NewGuid(), "Other client", Card, Now).MayBeNamedBy(Payers.Customer, partner, account));
        Assert.True(referralCard.MayBeNamedBy(Payers.Customer, partner, account));
        Assert.False(referralCard.MayBeNamedBy(Payers.Partner, partner, account));
        Assert.False(referralCard.MayPayFor(Payers.Customer, partner, account));
    }

    [Fact]
    public void A_copy_for_an_account_is_that_accounts_own_card_on_the_same_token()
    {
        var partnerCard = BillingProfile.Create(partner, null, "Agency", Card, Now);

        var own = partnerCard.CopyFor(account, Now);

        Assert.NotEqual(partnerCard.Id, own.Id);
        Assert.Equal(partnerCard.ProviderToken, own.ProviderToken);
        Assert.True(own.MayPayFor(Payers.Customer, partner, account));
        Assert.False(own.MayPayFor(Payers.Partner, partner, null));
        Assert.Null(partnerCard.AccountId);
    }
}
