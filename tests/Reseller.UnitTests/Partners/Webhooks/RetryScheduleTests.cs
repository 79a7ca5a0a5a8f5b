using Reseller.Partners.Webhooks.Deliveries;

namespace Reseller.UnitTests.Partners.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset First = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 300)]
    [InlineData(3, 1800)]
    [InlineData(4, 7200)]
    [InlineData(5, 18000)]
    [InlineData(6, 36000)]
    [InlineData(9, 36000)]
    public void Waits_grow_from_a_minute_to_ten_hours(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.WaitAfter(failures));

    [Theory]
    [InlineData(0.0, 54)]
    [InlineData(0.5, 60)]
    [InlineData(1.0, 66)]
    public void Jitter_moves_a_wait_by_at_most_ten_percent(double random, int seconds) =>
        Assert.Equal(First.AddSeconds(seconds), RetrySchedule.NextAttempt(1, First, First, random));

    [Fact]
    public void A_delivery_failing_for_three_days_is_given_up()
    {
        var now = First;
        var failures = 0;
        DateTimeOffset? next = now;
        while (next is { } at)
        {
            now = at;
            next = RetrySchedule.NextAttempt(++failures, First, now, 0.5);
        }

        Assert.True(now - First <= TimeSpan.FromDays(3));
        Assert.True(now - First > TimeSpan.FromDays(2.5));
        Assert.Equal(12, failures);
    }
}
