using Reseller.Partners.Commissions;

namespace Reseller.UnitTests.Partners;

public sealed class EarningRulesTests
{
    private static readonly DateTimeOffset SignedUp = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_referred_account_earns_twenty_percent_until_twelve_months_after_signup_then_nothing()
    {
        Assert.Equal((EarningKinds.Commission, 980L), EarningRules.For(4900, "customer", SignedUp, SignedUp));
        Assert.Equal((EarningKinds.Commission, 980L), EarningRules.For(4900, "customer", SignedUp.AddMonths(12).AddSeconds(-1), SignedUp));
        Assert.Null(EarningRules.For(4900, "customer", SignedUp.AddMonths(12), SignedUp));
        Assert.Null(EarningRules.For(4900, "customer", SignedUp.AddMonths(13), SignedUp));
    }

    [Fact]
    public void A_customer_paid_account_earns_fifteen_percent_cashback_and_a_partner_paid_one_nothing()
    {
        Assert.Equal((EarningKinds.Cashback, 735L), EarningRules.For(4900, "customer", SignedUp, null));
        Assert.Null(EarningRules.For(4900, "partner", SignedUp, null));
        Assert.Null(EarningRules.For(0, "customer", SignedUp, null));
    }

    [Theory]
    [InlineData(10, 15, 2)] // 1.5 → 2 (half to even)
    [InlineData(30, 15, 4)] // 4.5 → 4 (half to even)
    [InlineData(2999, 20, 600)] // 599.8
    [InlineData(1, 15, 0)]
    public void Shares_are_rounded_half_to_even_to_the_cent(long amount, int percent, long expected) =>
        Assert.Equal(expected, EarningRules.Percent(amount, percent));

    [Fact]
    public void A_credit_note_takes_back_its_share_of_the_earning_and_never_more_than_was_earned()
    {
        Assert.Equal(490, EarningRules.Reversal(earned: 980, invoiceTotal: 4900, creditedBefore: 0, credited: 2450, alreadyReversed: 0));
        Assert.Equal(980, EarningRules.Reversal(980, 4900, 0, 4900, 0));
        Assert.Equal(490, EarningRules.Reversal(980, 4900, 0, 4900, 490));
        Assert.Equal(0, EarningRules.Reversal(980, 4900, 0, 100, 980));
        Assert.Equal(980, EarningRules.Reversal(980, 4900, 0, 99999, 0));
    }

    [Fact]
    public void Months_are_utc_calendar_months()
    {
        Assert.Equal(new DateOnly(2026, 11, 1), EarningRules.MonthOf(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal(new DateOnly(2026, 12, 1), EarningRules.MonthOf(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
