using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// The edges of proration (DOMAIN.md: remaining days from the change date, inclusive, to the period end, exclusive): which
/// lines a change makes and how they read, changes outside the period, and the unused part of a paid period.
/// </summary>
public sealed class ProrationEdgesTests
{
    // Jan 10 → Feb 10: 31 days.
    private static readonly DateOnly Start = new(2026, 1, 10);
    private static readonly DateOnly End = new(2026, 2, 10);

    private readonly PlanPricer pricer = new(TestCatalog.Default);

    private static AccountPlan Marketing(string tier, int? seats = null, int conversations = 0) =>
        new("marketing", tier, 1000, seats, conversations == 0 ? [] : [new AddOnQuantity("conversations", conversations)], "monthly");

    private IReadOnlyList<PriceLine> Difference(AccountPlan previous, AccountPlan current, DateOnly changedOn, DateOnly? start = null, DateOnly? end = null) =>
        Proration.Difference(pricer.Price(previous, 0).Lines, pricer.Price(current, 0).Lines, changedOn, start ?? Start, end ?? End);

    [Fact]
    public void An_upgrade_makes_one_line_described_by_the_new_plan()
    {
        // 14900 − 4900 = 10000 × 16 / 31 = 5161.29 → 5161.
        var line = Assert.Single(Difference(Marketing("plus"), Marketing("professional"), new DateOnly(2026, 1, 25)));

        Assert.Equal(("plan", 1L, 5161L, true), (line.Code, line.Quantity, line.UnitAmount, line.Discountable));
        Assert.Equal($"Marketing automation professional, {1000:N0} contacts, 1 month: change prorated for 16 of 31 days", line.Description);
    }

    [Fact]
    public void Only_the_lines_that_changed_are_prorated()
    {
        // 5 seats and 1 conversations seat → 5 seats and 3: only conversations change, 2 × 1900 = 3800 × 31 / 31 = 3800.
        var line = Assert.Single(Difference(Marketing("plus", seats: 5, conversations: 1), Marketing("plus", seats: 5, conversations: 3), Start));

        Assert.Equal(("conversations", 3800L, false), (line.Code, line.Amount, line.Discountable));
        Assert.Equal("Conversations seats, 1 month: change prorated for 31 of 31 days", line.Description);
    }

    [Fact]
    public void A_line_the_new_plan_drops_is_prorated_as_a_negative_difference_described_by_the_old_plan()
    {
        // plus with 5 seats and 2 conversations → professional with 5 seats and none, changed on the last day (1 of 31):
        // plan +10000 / 31 = 322.58 → 323; extra seats 2 × 1500 = −3000 / 31 = −96.77 → −97 (professional includes 5);
        // conversations −3800 / 31 = −122.58 → −123.
        var lines = Difference(Marketing("plus", seats: 5, conversations: 2), Marketing("professional", seats: 5), new DateOnly(2026, 2, 9));

        Assert.Equal([("plan", 323L, true), ("extra_seats", -97L, true), ("conversations", -123L, false)],
            lines.Select(l => (l.Code, l.Amount, l.Discountable)).ToList());
        Assert.Equal("Extra seats, 1 month: change prorated for 1 of 31 days", lines[1].Description);
        Assert.Equal("Conversations seats, 1 month: change prorated for 1 of 31 days", lines[2].Description);
    }

    [Fact]
    public void A_line_the_new_plan_adds_is_prorated_in_full_difference()
    {
        // 0 → 4 conversations seats: 7600 × 16 / 31 = 3922.58 → 3923.
        var line = Assert.Single(Difference(Marketing("plus"), Marketing("plus", conversations: 4), new DateOnly(2026, 1, 25)));

        Assert.Equal(("conversations", 3923L), (line.Code, line.Amount));
    }

    [Fact]
    public void The_same_plan_makes_no_line()
    {
        Assert.Empty(Difference(Marketing("plus", seats: 4, conversations: 1), Marketing("plus", seats: 4, conversations: 1), new DateOnly(2026, 1, 25)));
    }

    [Theory]
    [InlineData("2026-01-09")] // the day before the period
    [InlineData("2025-12-01")] // long before it
    [InlineData("2026-02-10")] // its end, which is the next period's first day
    [InlineData("2026-02-11")] // after it
    public void A_change_outside_the_period_makes_no_line(string changedOn)
    {
        Assert.Empty(Difference(Marketing("plus"), Marketing("professional"), DateOnly.Parse(changedOn, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_period_with_no_days_makes_no_line()
    {
        Assert.Empty(Difference(Marketing("plus"), Marketing("professional"), Start, start: Start, end: Start));
        Assert.Empty(Difference(Marketing("plus"), Marketing("professional"), Start, start: End, end: Start));
    }

    [Theory]
    // 4410 paid for 31 days: from Jan 10 all 31 remain (4410); from Feb 9 one remains: 4410 / 31 = 142.26 → 142.
    [InlineData("2026-01-10", 4410)]
    [InlineData("2026-02-09", 142)]
    [InlineData("2026-02-10", 0)]
    [InlineData("2026-03-01", 0)] // after the period: nothing unused
    [InlineData("2026-01-01", 4410)] // before the period: never more than what was paid
    public void The_unused_part_of_a_paid_period_counts_the_change_day_and_never_exceeds_the_payment(string changedOn, long expected)
    {
        Assert.Equal(expected, Proration.UnusedCredit(4410, DateOnly.Parse(changedOn, System.Globalization.CultureInfo.InvariantCulture), Start, End));
    }

    [Fact]
    public void A_period_with_no_days_has_nothing_unused()
    {
        Assert.Equal(0, Proration.UnusedCredit(4410, Start, Start, Start));
        Assert.Equal(0, Proration.UnusedCredit(4410, Start, End, Start));
    }
}
