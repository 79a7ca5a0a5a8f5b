using Reseller.Partners.Partners;

namespace Reseller.UnitTests.Partners;

public sealed class DiscountTiersTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, 10, 5)]
    [InlineData(4, 10, 5)]
    [InlineData(5, 20, 25)]
    [InlineData(24, 20, 25)]
    [InlineData(25, 30, null)]
    [InlineData(400, 30, null)]
    public void The_discount_and_the_next_threshold_follow_the_number_of_paid_accounts(int paidAccounts, int percent, int? next)
    {
        Assert.Equal(percent, DiscountTiers.PercentFor(paidAccounts));
        Assert.Equal(next, DiscountTiers.NextThreshold(paidAccounts));
    }
}
