using Reseller.Contracts.Accounts;
using Reseller.Credits.Accounts;

namespace Reseller.UnitTests.Credits;

public sealed class CreditAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static AccountPlan Marketing(string tier) => new("marketing", tier, 1000, null, [], "monthly");

    [Theory]
    [InlineData("lite", false)]
    [InlineData("plus", true)]
    [InlineData("professional", true)]
    [InlineData("enterprise", true)]
    public void Sms_credit_goes_only_to_a_tier_that_allows_sms(string tier, bool allowed)
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing(tier), TestCatalog.Default, Now);

        Assert.Equal(allowed, account.SmsAllowed);
    }

    [Fact]
    public void A_downgrade_to_lite_stops_new_sms_credit_as_soon_as_it_is_scheduled_and_an_upgrade_allows_it_again()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);

        account.Plan(Marketing("plus"), Marketing("lite"), TestCatalog.Default, Now.AddDays(1));
        Assert.False(account.SmsAllowed);
        account.Plan(Marketing("lite"), null, TestCatalog.Default, Now.AddDays(30));
        Assert.False(account.SmsAllowed);
        account.Plan(Marketing("professional"), null, TestCatalog.Default, Now.AddDays(40));
        Assert.True(account.SmsAllowed);
    }

    [Fact]
    public void A_transferred_out_account_belongs_to_no_partner_until_transferred_in()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        var newPartner = Guid.NewGuid();

        account.TransferredOut(Now.AddDays(1));
        Assert.Null(account.PartnerId);
        account.TransferredIn(newPartner, Marketing("lite"), TestCatalog.Default, Now.AddDays(2));
        Assert.Equal(newPartner, account.PartnerId);
        Assert.False(account.SmsAllowed);
    }
}
