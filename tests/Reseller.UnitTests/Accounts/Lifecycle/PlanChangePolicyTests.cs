using Reseller.Accounts.Lifecycle;
using Reseller.Accounts.ResoldAccounts;

namespace Reseller.UnitTests.Accounts.Lifecycle;

public sealed class PlanChangePolicyTests
{
    private static readonly PlanChangePolicy Policy = new(TestCatalog.Default);

    private static Plan Marketing(string tier = "plus", int contacts = 1000, int seats = 3, string cadence = "monthly", int conversations = 0) => new()
    {
        Product = "marketing",
        Tier = tier,
        Contacts = contacts,
        Seats = seats,
        Cadence = cadence,
        AddOns = conversations > 0 ? [new PlanAddOn { Code = "conversations", Quantity = conversations }] : [],
    };

    [Theory]
    [InlineData("professional", 1000, 3, "monthly", 0, true)]
    [InlineData("plus", 3000, 3, "monthly", 0, true)]
    [InlineData("plus", 1000, 5, "monthly", 0, true)]
    [InlineData("plus", 1000, 3, "monthly", 10, true)]
    [InlineData("plus", 1000, 3, "annual", 0, true)]
    [InlineData("plus", 1000, 3, "monthly", 0, true)]
    [InlineData("lite", 1000, 1, "monthly", 0, false)]
    [InlineData("lite", 1000, 3, "monthly", 0, true)]
    [InlineData("plus", 1000, 2, "monthly", 0, false)]
    [InlineData("enterprise", 1000, 3, "annual", 0, true)]
    public void Upgrades_apply_now_and_downgrades_wait(string tier, int contacts, int seats, string cadence, int conversations, bool now) =>
        Assert.Equal(now, Policy.AppliesNow(Marketing(), Marketing(tier, contacts, seats, cadence, conversations)));

    [Fact]
    public void Annual_to_monthly_waits_for_the_renewal_even_on_a_bigger_plan() =>
        Assert.False(Policy.AppliesNow(Marketing(cadence: "annual"), Marketing("enterprise", 50_000, 20, "monthly")));

    [Fact]
    public void The_monthly_list_price_counts_started_bands_extra_seats_and_add_ons() =>
        Assert.Equal(4900 + (2 * 1500) + (2 * 1500) + (3 * 1900), Policy.MonthlyListPrice(Marketing("plus", 2001, 5, "monthly", 3)));
}
