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
}
