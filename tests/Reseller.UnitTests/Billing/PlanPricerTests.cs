using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

public sealed class PlanPricerTests
{
    private readonly PlanPricer pricer = new(TestCatalog.Default);

    private static AccountPlan Marketing(string tier, int contacts, int? seats = null, string cadence = "monthly", params AddOnQuantity[] addOns) =>
        new("marketing", tier, contacts, seats, addOns, cadence);

    [Fact]
    public void Marketing_plus_for_1000_contacts_with_10_percent_discount_costs_4410()
    {
        var price = pricer.Price(Marketing("plus", 1000), discountPercent: 10);

        Assert.Equal(4900, price.Subtotal);
        Assert.Equal(490, price.Discount);
        Assert.Equal(4410, price.Total);
        Assert.Equal("USD", price.Currency);
    }

    [Theory]
    [InlineData("lite", 1000, 2900)]
    [InlineData("lite", 1001, 3900)]
    [InlineData("plus", 2500, 4900 + 2 * 1500)]
    [InlineData("professional", 10000, 14900 + 9 * 3000)]
    [InlineData("enterprise", 100000, 25900 + 99 * 5000)]
    [InlineData("enterprise", 1, 25900)]
    public void Each_started_block_of_1000_contacts_adds_the_tier_band_price(string tier, int contacts, long expected)
    {
        Assert.Equal(expected, pricer.Price(Marketing(tier, contacts), 0).Total);
    }

    [Fact]
    public void Annual_costs_ten_times_monthly()
    {
        var monthly = pricer.Price(Marketing("professional", 3000, seats: 7), 0).Total;
        var annual = pricer.Price(Marketing("professional", 3000, seats: 7, cadence: "annual"), 0).Total;

        Assert.Equal(10 * monthly, annual);
    }

    [Fact]
    public void Seats_beyond_the_included_ones_cost_1500_each_and_are_discounted()
    {
        var price = pricer.Price(Marketing("plus", 1000, seats: 5), 20);

        var seats = Assert.Single(price.Lines, l => l.Code == "extra_seats");
        Assert.Equal(2, seats.Quantity);
        Assert.Equal(3000, seats.Amount);
        Assert.Equal(600, seats.Discount);
    }

    [Fact]
    public void Conversations_seats_are_never_discounted()
    {
        var price = pricer.Price(Marketing("plus", 1000, addOns: new AddOnQuantity("conversations", 3)), 30);

        var conversations = Assert.Single(price.Lines, l => l.Code == "conversations");
        Assert.Equal(5700, conversations.Amount);
        Assert.Equal(0, conversations.Discount);
        Assert.Equal(4900 - 1470 + 5700, price.Total);
    }

    [Theory]
    [InlineData("signatures-m365", 5, 750)]
    [InlineData("signatures-gworkspace", 12, 1800)]
    [InlineData("shared-contacts", 1, 300)]
    [InlineData("shared-contacts", 40, 12000)]
    public void Per_user_and_per_licence_products_cost_unit_price_times_count(string product, int units, long expected)
    {
        var price = pricer.Price(new AccountPlan(product, "standard", null, units, [], "monthly"), 0);

        Assert.Equal(expected, price.Total);
    }

    [Fact]
    public void A_trial_costs_nothing()
    {
        Assert.Equal(0, pricer.Price(Marketing("enterprise", 5000, cadence: "trial"), 10).Total);
    }

    [Theory]
    [InlineData("marketing", "plan", true)]
    [InlineData("marketing", "extra_seats", true)]
    [InlineData("marketing", "sms", true)]
    [InlineData("marketing", "conversations", false)]
    [InlineData("marketing", "no_such_add_on", false)]
    [InlineData("no_such_product", "sms", false)]
    public void Plan_and_seat_lines_are_discounted_and_an_add_on_as_the_catalog_says(string product, string lineCode, bool discountable) =>
        Assert.Equal(discountable, pricer.IsDiscountable(product, lineCode));
}
