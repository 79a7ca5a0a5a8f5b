using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;

namespace Reseller.UnitTests.Contracts;

/// <summary>
/// The rule Accounts applies to a plan change and Billing to its quote, on the catalog's list prices: what it counts as a
/// downgrade at an equal price, and how it prices each kind of product.
/// </summary>
public sealed class PlanChangeRuleTests
{
    private static readonly PlanChangeRule Rule = new(TestCatalog.Default);

    private static AccountPlan Marketing(int contacts = 1000, int seats = 3, params AddOnQuantity[] addOns) =>
        new("marketing", "plus", contacts, seats, addOns, PlanCadences.Monthly);

    [Fact]
    public void Fewer_contacts_within_the_same_band_cost_the_same_and_wait_for_the_renewal()
    {
        Assert.Equal(Rule.MonthlyListPrice(Marketing(1000)), Rule.MonthlyListPrice(Marketing(500)));

        Assert.False(Rule.AppliesNow(Marketing(1000), Marketing(500)));
        Assert.True(Rule.AppliesNow(Marketing(500), Marketing(1000)));
    }

    [Fact]
    public void Removing_a_free_add_on_costs_the_same_and_waits_for_the_renewal_adding_it_applies_now()
    {
        var withSms = Marketing(addOns: new AddOnQuantity("sms", 1));

        Assert.Equal(Rule.MonthlyListPrice(Marketing()), Rule.MonthlyListPrice(withSms));
        Assert.False(Rule.AppliesNow(withSms, Marketing()));
        Assert.True(Rule.AppliesNow(Marketing(), withSms));
    }

    [Fact]
    public void The_same_plan_with_its_add_ons_listed_in_another_order_shrinks_nothing()
    {
        var current = Marketing(addOns: [new("sms", 1), new("conversations", 2)]);
        var requested = Marketing(addOns: [new("conversations", 2), new("sms", 1)]);

        Assert.True(Rule.AppliesNow(current, requested));
    }

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(1001, 1)]
    [InlineData(2000, 1)]
    [InlineData(2001, 2)]
    public void A_band_is_charged_once_it_is_started_and_not_before(int contacts, int extraBands) =>
        Assert.Equal(4900 + (extraBands * 1500), Rule.MonthlyListPrice(Marketing(contacts)));

    [Fact]
    public void Bands_are_the_products_own_size_and_1000_contacts_where_it_names_none()
    {
        var marketing = TestCatalog.Default.FindProduct("marketing")!;
        var halfBands = new PlanChangeRule(TestCatalog.Default with { Products = [marketing with { BandSize = 500 }] });
        var noSize = new PlanChangeRule(TestCatalog.Default with { Products = [marketing with { BandSize = null }] });

        Assert.Equal(4900 + (2 * 1500), halfBands.MonthlyListPrice(Marketing(1500)));
        Assert.Equal(4900 + 1500, noSize.MonthlyListPrice(Marketing(1500)));
    }

    [Fact]
    public void A_per_user_product_costs_its_unit_price_per_user()
    {
        var seven = new AccountPlan("signatures-m365", "standard", null, 7, [], PlanCadences.Monthly);

        Assert.Equal(7 * 150, Rule.MonthlyListPrice(seven));
        Assert.True(Rule.AppliesNow(seven with { Seats = 6 }, seven));
        Assert.False(Rule.AppliesNow(seven, seven with { Seats = 6 }));
    }

    [Fact]
    public void A_product_or_tier_the_catalog_does_not_have_has_no_price()
    {
        Assert.Equal(0, Rule.MonthlyListPrice(Marketing() with { Product = "fax" }));
        Assert.Equal(0, Rule.MonthlyListPrice(Marketing() with { Tier = "gold" }));
    }
}
