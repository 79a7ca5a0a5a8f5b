using Microsoft.Extensions.Time.Testing;

using Reseller.ServiceDefaults.Clock;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class PlatformClockTests
{
    [Fact]
    public void The_clock_moves_forward_and_never_back()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var clock = new PlatformClock(real);

        var moved = clock.AdvanceTo(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var refused = clock.AdvanceTo(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        real.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), moved);
        Assert.Equal(moved, refused);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void Clocks_told_the_same_time_as_of_the_same_real_instant_agree_however_late_each_is_told()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var first = new PlatformClock(real);
        var second = new PlatformClock(real);
        var realAt = real.GetUtcNow();
        var target = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        real.Advance(TimeSpan.FromMilliseconds(120));
        first.AdvanceTo(target, realAt);
        real.Advance(TimeSpan.FromMilliseconds(480));
        second.AdvanceTo(target, realAt);

        Assert.Equal(target.AddMilliseconds(600), first.GetUtcNow());
        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
    }

    [Fact]
    public void A_clock_catching_up_takes_a_peers_offset_only_when_it_is_ahead()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var clock = new PlatformClock(real);

        clock.CatchUpWith(TimeSpan.FromDays(3));
        clock.CatchUpWith(TimeSpan.FromDays(1));

        Assert.Equal(TimeSpan.FromDays(3), clock.Offset);
        Assert.Equal(real.GetUtcNow().AddDays(3), clock.GetUtcNow());
    }
}
