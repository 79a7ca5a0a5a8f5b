using Reseller.Web.Api;

namespace Reseller.UnitTests.Web;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.00", 100L)]
    [InlineData("51.92", 5192L)]
    [InlineData("0.01", 1L)]
    [InlineData("1200", 120000L)]
    public void A_typed_amount_in_whole_cents_is_its_minor_units(string typed, long minor) =>
        Assert.Equal(minor, Money.MinorUnitsOf(decimal.Parse(typed, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0")]
    [InlineData("-1.00")]
    [InlineData("0.005")]
    [InlineData("12.345")]
    public void An_amount_that_is_not_positive_or_splits_a_cent_has_none(string typed) =>
        Assert.Null(Money.MinorUnitsOf(decimal.Parse(typed, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_missing_amount_has_none_and_minor_units_read_as_units() =>
        Assert.Equal((null, 51.92m), (Money.MinorUnitsOf(null), new Money(5192, "USD").Units));
}
