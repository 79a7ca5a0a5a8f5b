using Reseller.Contracts.Accounts;
using Reseller.Credits.FollowedAccounts;

namespace Reseller.UnitTests.Credits;

public sealed class CreditAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static AccountPlan Marketing(string tier, bool sms = true) =>
        new("marketing", tier, 1000, null, sms ? [new AddOnQuantity("sms", 1)] : [], "monthly");

    [Theory]
    [InlineData("lite", false)]
    [InlineData("plus", true)]
    [InlineData("professional", true)]
    [InlineData("enterprise", true)]
    public void Sms_credit_goes_only_to_a_tier_that_allows_sms(string tier, bool allowed)
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing(tier), TestCatalog.Default, Now);

        Assert.Equal(allowed, account.SmsAllowed);
        Assert.Equal(allowed, account.SmsEnabled);
    }

    [Fact]
    public void A_marketing_account_without_the_sms_add_on_neither_receives_nor_sends_sms()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("enterprise", sms: false), TestCatalog.Default, Now);
        Assert.False(account.SmsAllowed);
        Assert.False(account.SmsEnabled);

        account.Plan(new AccountPlan("marketing", "enterprise", 1000, null, [new AddOnQuantity("sms", 0)], "monthly"), null, TestCatalog.Default, Now.AddDays(1));
        Assert.False(account.SmsAllowed);

        account.Plan(Marketing("enterprise"), null, TestCatalog.Default, Now.AddDays(2));
        Assert.True(account.SmsAllowed);
    }

    [Theory]
    [InlineData("signatures-m365")]
    [InlineData("signatures-gworkspace")]
    [InlineData("shared-contacts")]
    public void Accounts_of_other_products_never_use_sms_even_with_an_sms_add_on_in_the_event(string product)
    {
        var plan = new AccountPlan(product, "standard", null, 5, [new AddOnQuantity("sms", 1)], "monthly");

        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), plan, TestCatalog.Default, Now);

        Assert.False(account.SmsAllowed);
        Assert.False(account.SmsEnabled);
    }

    [Fact]
    public void A_downgrade_to_lite_stops_new_sms_credit_as_soon_as_it_is_scheduled_and_sending_when_it_applies()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);

        account.Plan(Marketing("plus"), Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(1));
        Assert.False(account.SmsAllowed);
        Assert.True(account.SmsEnabled);
        account.Plan(Marketing("lite", sms: false), null, TestCatalog.Default, Now.AddDays(30));
        Assert.False(account.SmsAllowed);
        Assert.False(account.SmsEnabled);
        account.Plan(Marketing("professional"), null, TestCatalog.Default, Now.AddDays(40));
        Assert.True(account.SmsAllowed);
    }

    [Fact]
    public void A_scheduled_downgrade_without_sms_stops_sending_at_the_paid_renewal_it_waited_for()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        account.Plan(Marketing("plus"), Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(1));

        // Accounts applies the scheduled plan when the renewal is paid, and publishes no plan change for it.
        account.RenewalPaid(Now.AddDays(30));
        Assert.False(account.SmsEnabled);

        // A renewal without a scheduled plan changes nothing; one paid before a plan heard since leaves that plan as it is.
        var upgraded = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        upgraded.RenewalPaid(Now.AddDays(30));
        Assert.True(upgraded.SmsEnabled);
        upgraded.Plan(Marketing("plus"), Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(40));
        upgraded.RenewalPaid(Now.AddDays(35));
        Assert.True(upgraded.SmsEnabled);
    }

    [Fact]
    public void A_scheduled_downgrade_heard_after_the_renewal_it_waited_for_still_stops_sending()
    {
        // Credits consumed the renewal's payment before the plan change made the day before it.
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        account.RenewalPaid(Now.AddDays(30));
        account.PlanChanged(Marketing("plus"), Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(29));
        Assert.False(account.SmsAllowed);
        Assert.False(account.SmsEnabled);

        // A downgrade scheduled after that renewal waits for the next one; a change older than the plan held is not applied.
        var later = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        later.RenewalPaid(Now.AddDays(30));
        later.PlanChanged(Marketing("plus"), Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(31));
        Assert.False(later.SmsAllowed);
        Assert.True(later.SmsEnabled);
        later.PlanChanged(Marketing("professional"), null, TestCatalog.Default, Now.AddDays(20));
        Assert.False(later.SmsAllowed);
    }

    [Fact]
    public void Two_renewals_paid_and_heard_out_of_order_keep_the_later_payment_for_a_downgrade_heard_last()
    {
        // The second renewal's payment is consumed before the first's, and the downgrade scheduled between them last: the
        // second renewal, paid after the downgrade was made, applied it.
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        account.RenewalPaid(Now.AddDays(60));
        account.RenewalPaid(Now.AddDays(30));
        Assert.Equal(Now.AddDays(60), account.RenewalPaidAt);

        account.PlanChanged(Marketing("plus"), Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(45));
        Assert.False(account.SmsAllowed);
        Assert.False(account.SmsEnabled);
    }

    [Theory]
    [InlineData(AccountStatuses.Trial, true)]
    [InlineData(AccountStatuses.Active, true)]
    [InlineData(AccountStatuses.PaymentFailed, true)]
    [InlineData(AccountStatuses.Cancelled, true)]
    [InlineData(AccountStatuses.Pending, false)]
    [InlineData(AccountStatuses.Expired, false)]
    [InlineData(AccountStatuses.Transferred, false)]
    public void Only_an_account_in_service_spends_credit(string status, bool inService)
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now, AccountStatuses.Pending);

        account.StatusChanged(status, Now.AddMinutes(1));

        Assert.Equal(inService, account.InService);
    }

    [Fact]
    public void A_status_arriving_late_does_not_overwrite_a_newer_one_and_an_unknown_status_is_not_in_service()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        Assert.False(account.StatusKnown);
        Assert.False(account.InService);

        account.StatusChanged(AccountStatuses.Expired, Now.AddDays(30));
        account.StatusChanged(AccountStatuses.Active, Now.AddMinutes(1));

        Assert.Equal(AccountStatuses.Expired, account.Status);
        Assert.False(account.InService);
    }

    [Fact]
    public void A_status_known_before_the_plan_keeps_the_row_without_sms_until_the_plan_arrives()
    {
        var account = CreditAccount.FromStatus(Guid.NewGuid(), Guid.NewGuid(), AccountStatuses.Active, Now.AddMinutes(1));
        Assert.False(account.PlanKnown);
        Assert.False(account.SmsAllowed);

        account.Plan(Marketing("plus"), null, TestCatalog.Default, Now);
        account.StatusChanged(AccountStatuses.Pending, Now);

        Assert.True(account.SmsAllowed);
        Assert.Equal(AccountStatuses.Active, account.Status);
    }

    [Fact]
    public void A_row_known_only_by_its_status_is_its_partners_account_with_no_plan_yet()
    {
        var accountId = Guid.NewGuid();
        var partnerId = Guid.NewGuid();

        var account = CreditAccount.FromStatus(accountId, partnerId, AccountStatuses.Active, Now);

        Assert.Equal((accountId, (Guid?)partnerId), (account.AccountId, account.PartnerId));
        Assert.Equal(("", ""), (account.Product, account.Tier));
        Assert.False(account.PlanKnown);
        Assert.False(account.SmsEnabled);
        Assert.True(account.InService);
    }

    [Fact]
    public void A_transferred_out_account_belongs_to_no_partner_until_transferred_in()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        var newPartner = Guid.NewGuid();

        account.TransferredOut(Now.AddDays(1));
        Assert.Null(account.PartnerId);
        account.TransferredIn(newPartner, Marketing("lite", sms: false), TestCatalog.Default, Now.AddDays(2));
        Assert.Equal(newPartner, account.PartnerId);
        Assert.False(account.SmsAllowed);
    }

    [Fact]
    public void Moves_heard_out_of_order_leave_the_account_where_the_latest_put_it()
    {
        var newPartner = Guid.NewGuid();

        // Out of its partner on day 1, into another on day 2: the move-in consumed first.
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        account.TransferredIn(newPartner, Marketing("plus"), TestCatalog.Default, Now.AddDays(2));
        account.TransferredOut(Now.AddDays(1));
        Assert.Equal(newPartner, account.PartnerId);

        // Into a partner on day 2, out of it on day 3: the move-out consumed first.
        var left = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), Marketing("plus"), TestCatalog.Default, Now);
        left.TransferredOut(Now.AddDays(3));
        left.TransferredIn(newPartner, Marketing("plus"), TestCatalog.Default, Now.AddDays(2));
        Assert.Null(left.PartnerId);
    }
}
