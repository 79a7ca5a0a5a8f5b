using Reseller.Billing.Pricing;
using Reseller.Contracts.Catalog;

namespace Reseller.UnitTests.Billing;

public sealed class DiscountRoundingTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(4, 10)]
    [InlineData(5, 20)]
    [InlineData(24, 20)]
    [InlineData(25, 30)]
    [InlineData(1000, 30)]
    public void Discount_follows_the_paid_account_thresholds(int paidAccounts, int percent)
    {
        Assert.Equal(percent, ResellerDiscount.PercentFor(paidAccounts));
    }

    // Worked by hand: 1905 × 10 % = 190.5 → 190 (even); 1915 × 10 % = 191.5 → 192; 1525 × 30 % = 457.5 → 458;
    // 1575 × 30 % = 472.5 → 472; 4900 × 20 % = 980 exactly; 333 × 10 % = 33.3 → 33.
    [Theory]
    [InlineData(1905, 10, 190)]
    [InlineData(1915, 10, 192)]
    [InlineData(1525, 30, 458)]
    [InlineData(1575, 30, 472)]
    [InlineData(4900, 20, 980)]
    [InlineData(333, 10, 33)]
    public void Line_discounts_round_half_to_even_to_the_cent(long amount, int percent, long discount)
    {
        var line = new PriceLine("plan", "test", 1, amount, Discountable: true).WithDiscountPercent(percent);

        Assert.Equal(discount, line.Discount);
        Assert.Equal(amount - discount, line.Total);
    }
}
