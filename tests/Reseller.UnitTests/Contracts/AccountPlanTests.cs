using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Contracts;

public sealed class AccountPlanTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [new("sms", 1), new("extra_domain", 2)], "monthly");

    [Fact]
    public void Plans_with_the_same_add_ons_in_another_order_are_the_same_plan()
    {
        var copy = Plus with { AddOns = [new("extra_domain", 2), new("sms", 1)] };

        Assert.NotEqual(Plus, copy);
        Assert.True(Plus.IsSameAs(copy));
    }

    [Theory]
    [InlineData("tier")]
    [InlineData("contacts")]
    [InlineData("seats")]
    [InlineData("cadence")]
    [InlineData("add-on quantity")]
    [InlineData("add-on removed")]
    public void A_plan_that_differs_in_anything_billed_is_not_the_same(string difference)
    {
        var other = difference switch
        {
            "tier" => Plus with { Tier = "professional" },
            "contacts" => Plus with { Contacts = 2500 },
            "seats" => Plus with { Seats = 2 },
            "cadence" => Plus with { Cadence = "annual" },
            "add-on quantity" => Plus with { AddOns = [new("sms", 1), new("extra_domain", 3)] },
            _ => Plus with { AddOns = [new("sms", 1)] },
        };

        Assert.False(Plus.IsSameAs(other));
        Assert.False(other.IsSameAs(Plus));
    }
}
