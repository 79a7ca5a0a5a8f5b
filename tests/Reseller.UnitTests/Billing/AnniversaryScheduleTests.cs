using Reseller.Billing.FollowedAccounts;

namespace Reseller.UnitTests.Billing;

public sealed class AnniversaryScheduleTests
{
    [Fact]
    public void Monthly_renewal_on_the_31st_falls_back_to_the_month_end_and_returns()
    {
        var anchor = new DateOnly(2026, 1, 31);
        var starts = Enumerable.Range(0, 14).Select(n => AnniversarySchedule.PeriodStart(anchor, "monthly", n)).ToList();

        DateOnly[] expected =
        [
            new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 31), new(2026, 6, 30),
            new(2026, 7, 31), new(2026, 8, 31), new(2026, 9, 30), new(2026, 10, 31), new(2026, 11, 30), new(2026, 12, 31),
            new(2027, 1, 31), new(2027, 2, 28),
        ];
        Assert.Equal(expected, starts);
    }

    [Fact]
    public void Monthly_renewal_on_the_29th_uses_the_29th_of_a_leap_february()
    {
        var anchor = new DateOnly(2027, 12, 29);

        Assert.Equal(new DateOnly(2028, 2, 29), AnniversarySchedule.PeriodStart(anchor, "monthly", 2));
        Assert.Equal(new DateOnly(2029, 2, 28), AnniversarySchedule.PeriodStart(anchor, "monthly", 14));
        Assert.Equal(new DateOnly(2029, 3, 29), AnniversarySchedule.PeriodStart(anchor, "monthly", 15));
    }

    [Fact]
    public void Annual_renewal_of_29_february_falls_back_to_28_february_and_returns_in_leap_years()
    {
        var anchor = new DateOnly(2028, 2, 29);
        var starts = Enumerable.Range(0, 5).Select(n => AnniversarySchedule.PeriodStart(anchor, "annual", n)).ToList();

        Assert.Equal([new(2028, 2, 29), new(2029, 2, 28), new(2030, 2, 28), new(2031, 2, 28), new(2032, 2, 29)], starts);
    }

    [Fact]
    public void Annual_renewal_of_31_december_stays_on_31_december()
    {
        var anchor = new DateOnly(2026, 12, 31);

        Assert.Equal(new DateOnly(2030, 12, 31), AnniversarySchedule.PeriodStart(anchor, "annual", 4));
    }
}
