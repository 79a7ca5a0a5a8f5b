using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// Every line of a plan's price, from DOMAIN.md's catalog: annual = 10 × monthly for every kind of line, included seats,
/// add-ons with a price, and the breakdown's sums. Each figure is worked out by hand beside it.
/// </summary>
public sealed class PlanPriceLinesTests
{
    private readonly PlanPricer pricer = new(TestCatalog.Default);

    private static AccountPlan Marketing(string tier, int? contacts = 1000, int? seats = null, string cadence = "monthly", params AddOnQuantity[] addOns) =>
        new("marketing", tier, contacts, seats, addOns, cadence);

    private static string Contacts(int contacts) => $"{contacts:N0} contacts";

    [Theory]
    // 7 users × 150 × 10 months = 10500.
    [InlineData("signatures-m365", 7, 1500, 10500, "E-mail signatures for Microsoft 365 standard, 1 year")]
    // 12 users × 150 × 10 = 18000.
    [InlineData("signatures-gworkspace", 12, 1500, 18000, "E-mail signatures for Google Workspace standard, 1 year")]
    // 3 licences × 300 × 10 = 9000.
    [InlineData("shared-contacts", 3, 3000, 9000, "Shared contacts standard, 1 year")]
    public void Annual_per_user_and_per_licence_prices_are_ten_months_of_the_unit_price(string product, int units, long unitAmount, long total, string description)
    {
        var price = pricer.Price(new AccountPlan(product, "standard", null, units, [], "annual"), 20);

        var line = Assert.Single(price.Lines);
        Assert.Equal(("plan", description, (long)units, unitAmount, true), (line.Code, line.Description, line.Quantity, line.UnitAmount, line.Discountable));
        Assert.Equal(total, price.Subtotal);
        Assert.Equal(total / 5, price.Discount);
        Assert.Equal(total - total / 5, price.Total);
    }

    [Fact]
    public void Annual_add_ons_and_extra_seats_are_ten_months_too_and_conversations_stay_undiscounted()
    {
        // plus annual, 5 seats (2 extra), 2 conversations seats, 20 %:
        // plan 4900 × 10 = 49000, discount 9800; extra seats 2 × 1500 × 10 = 30000, discount 6000;
        // conversations 2 × 1900 × 10 = 38000, no discount. Subtotal 117000, discount 15800, total 101200.
        var price = pricer.Price(Marketing("plus", seats: 5, cadence: "annual", addOns: new AddOnQuantity("conversations", 2)), 20);

        Assert.Collection(price.Lines,
            plan => Assert.Equal(("plan", $"Marketing automation plus, {Contacts(1000)}, 1 year", 1L, 49000L, 9800L, true),
                (plan.Code, plan.Description, plan.Quantity, plan.UnitAmount, plan.Discount, plan.Discountable)),
            seats => Assert.Equal(("extra_seats", "Extra seats, 1 year", 2L, 15000L, 6000L, true),
                (seats.Code, seats.Description, seats.Quantity, seats.UnitAmount, seats.Discount, seats.Discountable)),
            conversations => Assert.Equal(("conversations", "Conversations seats, 1 year", 2L, 19000L, 0L, false),
                (conversations.Code, conversations.Description, conversations.Quantity, conversations.UnitAmount, conversations.Discount, conversations.Discountable)));
        Assert.Equal(117000, price.Subtotal);
        Assert.Equal(15800, price.Discount);
        Assert.Equal(101200, price.Total);
        Assert.Equal(20, price.DiscountPercent);
    }

    [Fact]
    public void A_breakdown_sums_every_line_for_its_subtotal_discount_and_total()
    {
        // professional, 3,500 contacts: 14900 + 3 started blocks × 3000 = 23900, 10 % = 2390;
        // 8 seats, 5 included: 3 × 1500 = 4500, 10 % = 450; 2 conversations seats: 3800, no discount.
        // Subtotal 32200, discount 2840, total 29360.
        var price = pricer.Price(Marketing("professional", 3500, seats: 8, addOns: new AddOnQuantity("conversations", 2)), 10);

        Assert.Equal([("plan", 23900L, 2390L), ("extra_seats", 4500L, 450L), ("conversations", 3800L, 0L)],
            price.Lines.Select(l => (l.Code, l.Amount, l.Discount)).ToList());
        Assert.Equal($"Marketing automation professional, {Contacts(3500)}, 1 month", price.Lines[0].Description);
        Assert.Equal("Extra seats, 1 month", price.Lines[1].Description);
        Assert.Equal("Conversations seats, 1 month", price.Lines[2].Description);
        Assert.Equal(32200, price.Subtotal);
        Assert.Equal(2840, price.Discount);
        Assert.Equal(29360, price.Total);
        Assert.Equal("USD", price.Currency);
        Assert.Equal(10, price.DiscountPercent);
    }

    [Theory]
    [InlineData(2000, 4900 + 1500)] // exactly two blocks: one beyond the first
    [InlineData(2001, 4900 + 2 * 1500)] // one contact into the third block
    [InlineData(999, 4900)]
    public void A_started_block_of_contacts_is_a_whole_block(int contacts, long expected)
    {
        var price = pricer.Price(Marketing("plus", contacts), 0);

        Assert.Equal(expected, Assert.Single(price.Lines).Amount);
        Assert.Equal($"Marketing automation plus, {Contacts(contacts)}, 1 month", price.Lines[0].Description);
    }

    [Fact]
    public void A_marketing_plan_without_contacts_is_priced_as_the_first_block()
    {
        var line = Assert.Single(pricer.Price(Marketing("enterprise", contacts: null), 0).Lines);

        Assert.Equal(25900, line.Amount);
        Assert.Equal($"Marketing automation enterprise, {Contacts(1000)}, 1 month", line.Description);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(1, 0)] // fewer than the 3 included
    [InlineData(3, 0)] // exactly the included ones
    [InlineData(4, 1)] // one beyond
    public void Only_seats_beyond_the_included_ones_make_an_extra_seats_line(int? seats, int extra)
    {
        var price = pricer.Price(Marketing("plus", seats: seats), 10);

        var extraSeats = price.Lines.Where(l => l.Code == "extra_seats").ToList();
        Assert.Equal(extra == 0 ? 0 : 1, extraSeats.Count);
        Assert.Equal(4900 + extra * 1500, price.Subtotal);
        Assert.Equal(490 + extra * 150, price.Discount);
    }

    [Fact]
    public void Add_ons_without_a_price_or_a_quantity_make_no_line()
    {
        var price = pricer.Price(Marketing("plus", addOns: [new AddOnQuantity("sms", 1), new AddOnQuantity("conversations", 0)]), 0);

        Assert.Equal(["plan"], price.Lines.Select(l => l.Code));
        Assert.Equal(4900, price.Total);
    }

    [Fact]
    public void One_conversations_seat_is_one_line_of_1900()
    {
        var price = pricer.Price(Marketing("lite", addOns: new AddOnQuantity("conversations", 1)), 0);

        Assert.Equal([("plan", 2900L), ("conversations", 1900L)], price.Lines.Select(l => (l.Code, l.Amount)).ToList());
        Assert.Equal(4800, price.Total);
    }

    [Theory]
    [InlineData("signatures-m365", 750)] // the minimum of 5 users × 150
    [InlineData("shared-contacts", 300)] // the minimum of 1 licence × 300
    public void A_per_unit_plan_without_a_count_is_priced_at_its_minimum(string product, long expected)
    {
        var line = Assert.Single(pricer.Price(new AccountPlan(product, "standard", null, null, [], "monthly"), 0).Lines);

        Assert.Equal(expected, line.Amount);
    }

    [Fact]
    public void A_trial_has_no_line_at_all()
    {
        var price = pricer.Price(Marketing("plus", seats: 6, cadence: "trial", addOns: new AddOnQuantity("conversations", 20)), 20);

        Assert.Empty(price.Lines);
        Assert.Equal((0L, 0L, 0L), (price.Subtotal, price.Discount, price.Total));
    }

    [Fact]
    public void Without_a_discount_nothing_is_taken_off()
    {
        var price = pricer.Price(Marketing("plus", seats: 4), 0);

        Assert.All(price.Lines, l => Assert.Equal(0, l.Discount));
        Assert.Equal(6400, price.Total);
    }

    [Theory]
    [InlineData("unknown", "plus", "conversations", "Unknown product unknown.")]
    [InlineData("marketing", "gold", "conversations", "Unknown tier gold of marketing.")]
    [InlineData("marketing", "plus", "fax", "Unknown add-on fax.")]
    public void An_unknown_product_tier_or_add_on_cannot_be_priced(string product, string tier, string addOn, string message)
    {
        var plan = new AccountPlan(product, tier, 1000, null, [new AddOnQuantity(addOn, 1)], "monthly");

        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => pricer.Price(plan, 0)).Message);
    }

    [Fact]
    public void The_block_of_contacts_is_the_catalog_s_band_size()
    {
        // With blocks of 500: 1,000 contacts are the first block and one more, 4900 + 1500 = 6400; no contacts, one block.
        var marketing = TestCatalog.Default.FindProduct("marketing")!;
        var pricedBy500 = new PlanPricer(TestCatalog.Default with { Products = [marketing with { BandSize = 500 }] });

        Assert.Equal(6400, pricedBy500.Price(Marketing("plus", 1000), 0).Total);
        var line = Assert.Single(pricedBy500.Price(Marketing("plus", contacts: null), 0).Lines);
        Assert.Equal((4900L, $"Marketing automation plus, {Contacts(500)}, 1 month"), (line.Amount, line.Description));
    }

    [Fact]
    public void A_line_that_is_not_discountable_loses_any_discount_it_carried()
    {
        var line = new PriceLine("conversations", "Conversations seats, 1 month", 2, 1900, Discountable: false, Discount: 100).WithDiscountPercent(30);

        Assert.Equal((3800L, 0L, 3800L), (line.Amount, line.Discount, line.Total));
    }

    [Theory]
    // −150 × 7 / 28 = −37.5 → −38 (half to even); −150 × 21 / 28 = −112.5 → −112; 1 × 1 / 3 = 0.33 → 0; 2 × 1 / 3 = 0.67 → 1.
    [InlineData(-150, 7, 28, -38)]
    [InlineData(-150, 21, 28, -112)]
    [InlineData(1, 1, 3, 0)]
    [InlineData(2, 1, 3, 1)]
    [InlineData(10000, 16, 31, 5161)]
    public void A_fraction_of_an_amount_rounds_half_to_even_to_the_cent(long amount, long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, Rounding.Fraction(amount, numerator, denominator));
    }
}
