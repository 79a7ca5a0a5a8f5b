using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>Proration and discount rounding, each figure worked out by hand in the comment beside it.</summary>
public sealed class ProrationTests
{
    private readonly PlanPricer pricer = new(TestCatalog.Default);

    private static AccountPlan Marketing(string tier, int seats = 0, int conversations = 0) =>
        new("marketing", tier, 1000, seats == 0 ? null : seats, conversations == 0 ? [] : [new AddOnQuantity("conversations", conversations)], "monthly");

    private static AccountPlan Signatures(int users) => new("signatures-m365", "standard", null, users, [], "monthly");

    public static TheoryData<string, AccountPlan, AccountPlan, string, string, string, int, long, long, long> Cases => new()
    {
        // plus → professional: 14900 − 4900 = 10000; Jan 10 → Feb 10 is 31 days, from Jan 25 16 remain:
        // 10000 × 16 / 31 = 5161.29 → 5161; 10 % of 5161 = 516.1 → 516; total 4645.
        { "upgrade mid-period", Marketing("plus"), Marketing("professional"), "2026-01-10", "2026-02-10", "2026-01-25", 10, 5161, 516, 4645 },
        // plus 3 → 5 seats: 2 extra × 1500 = 3000; Feb 28 → Mar 28 is 28 days, from Mar 15 13 remain:
        // 3000 × 13 / 28 = 1392.857 → 1393; 20 % of 1393 = 278.6 → 279; total 1114.
        { "added seats", Marketing("plus", seats: 3), Marketing("plus", seats: 5), "2026-02-28", "2026-03-28", "2026-03-15", 20, 1393, 279, 1114 },
        // 3 conversations seats × 1900 = 5700; Apr 1 → May 1 is 30 days, from Apr 16 15 remain: 5700 × 15 / 30 = 2850;
        // conversations are never discounted, even at 30 %: total 2850.
        { "conversations never discounted", Marketing("plus"), Marketing("plus", conversations: 3), "2026-04-01", "2026-05-01", "2026-04-16", 30, 2850, 0, 2850 },
        // 5 → 6 users: 150; Feb 1 → Mar 1 is 28 days, from Feb 22 7 remain: 150 × 7 / 28 = 37.5 → 38 (half to even);
        // 10 % of 38 = 3.8 → 4; total 34.
        { "half rounds up to even", Signatures(5), Signatures(6), "2026-02-01", "2026-03-01", "2026-02-22", 10, 38, 4, 34 },
        // Same, from Feb 8 21 remain: 150 × 21 / 28 = 112.5 → 112 (half to even); 10 % of 112 = 11.2 → 11; total 101.
        { "half rounds down to even", Signatures(5), Signatures(6), "2026-02-01", "2026-03-01", "2026-02-08", 10, 112, 11, 101 },
        // Changed on the first day: the whole difference, 10000; 30 % = 3000; total 7000.
        { "first day is the whole period", Marketing("plus"), Marketing("professional"), "2026-03-31", "2026-04-30", "2026-03-31", 30, 10000, 3000, 7000 },
        // lite → plus, 5 seats: plan 4900 − 2900 = +2000, extra seats (5 − 3) × 1500 − (5 − 1) × 1500 = −3000; May 1 → Jun 1 is
        // 31 days, from May 10 22 remain: +2000 × 22 / 31 = 1419.35 → 1419, −3000 × 22 / 31 = −2129.03 → −2129, together −710;
        // 10 % of 1419 = 141.9 → 142; the net is negative, so nothing is charged (a decrease is never refunded).
        { "a net decrease charges nothing", Marketing("lite", seats: 5), Marketing("plus", seats: 5), "2026-05-01", "2026-06-01", "2026-05-10", 10, -710, 142, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Upgrades_are_charged_for_the_rest_of_the_period_rounded_half_to_even(
        string name, AccountPlan previous, AccountPlan current, string periodStart, string periodEnd, string changedOn, int percent,
        long prorated, long discount, long total)
    {
        var lines = Proration.Difference(pricer.Price(previous, 0).Lines, pricer.Price(current, 0).Lines,
                DateOnly.Parse(changedOn, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(periodStart, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(periodEnd, System.Globalization.CultureInfo.InvariantCulture))
            .Select(l => l.WithDiscountPercent(percent)).ToList();

        Assert.True(lines.Count > 0, name);
        Assert.Equal(prorated, lines.Sum(l => l.Amount));
        Assert.Equal(discount, lines.Where(l => l.Amount > 0).Sum(l => l.Discount));
        Assert.Equal(total, Math.Max(0, lines.Sum(l => l.Total)));
    }

    [Fact]
    public void A_change_on_the_period_end_adds_nothing()
    {
        var lines = Proration.Difference(pricer.Price(Marketing("plus"), 0).Lines, pricer.Price(Marketing("professional"), 0).Lines,
            new DateOnly(2026, 2, 10), new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10));

        Assert.Empty(lines);
    }

    // 4410 paid for Jan 10 → Feb 10 (31 days), changed on Jan 25 (16 remain): 4410 × 16 / 31 = 2276.13 → 2276.
    [Fact]
    public void The_unused_part_of_a_paid_period_is_prorated_the_same_way()
    {
        Assert.Equal(2276, Proration.UnusedCredit(4410, new DateOnly(2026, 1, 25), new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10)));
        Assert.Equal(0, Proration.UnusedCredit(4410, new DateOnly(2026, 2, 10), new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10)));
    }
}
