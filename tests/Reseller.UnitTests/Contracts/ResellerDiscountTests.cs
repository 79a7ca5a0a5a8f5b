using Reseller.Contracts.Catalog;

namespace Reseller.UnitTests.Contracts;

/// <summary>The one discount table that Billing charges and Partners shows.</summary>
public sealed class ResellerDiscountTests
{
    [Theory]
    [InlineData(-1, 0, 1)]
    [InlineData(0, 0, 1)]
    [InlineData(1, 10, 5)]
    [InlineData(4, 10, 5)]
    [InlineData(5, 20, 25)]
    [InlineData(24, 20, 25)]
    [InlineData(25, 30, null)]
    [InlineData(400, 30, null)]
    public void The_discount_and_the_next_threshold_follow_the_number_of_paid_accounts(int paidAccounts, int percent, int? next)
    {
        Assert.Equal(percent, ResellerDiscount.PercentFor(paidAccounts));
        Assert.Equal(next, ResellerDiscount.NextThreshold(paidAccounts));
    }

    [Fact]
    public void The_discount_never_falls_as_paid_accounts_grow_and_each_threshold_raises_it()
    {
        var percents = Enumerable.Range(0, 60).Select(ResellerDiscount.PercentFor).ToList();

        Assert.Equal(percents.Order(), percents);
        for (var count = 0; count < 60; count++)
        {
            if (ResellerDiscount.NextThreshold(count) is { } next)
            {
                Assert.True(ResellerDiscount.PercentFor(next) > ResellerDiscount.PercentFor(count));
                Assert.Equal(ResellerDiscount.PercentFor(count), ResellerDiscount.PercentFor(next - 1));
            }
        }
    }
}
