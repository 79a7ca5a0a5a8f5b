using Reseller.ServiceDefaults.Messaging;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>A message waiting for an earlier event is tried again soon at first, then at most once a minute.</summary>
public sealed class RedeliverySettingsTests
{
    [Fact]
    public void Each_delay_doubles_the_one_before_until_the_cap()
    {
        var settings = new RedeliverySettings();

        var delays = Enumerable.Range(1, 7).Select(n => settings.DelayBefore(n).TotalSeconds);

        Assert.Equal([5, 10, 20, 40, 60, 60, 60], delays);
    }

    [Fact]
    public void The_default_deferrals_wait_about_twelve_minutes_in_all()
    {
        var settings = new RedeliverySettings();

        var total = Enumerable.Range(1, settings.MaxDeferrals).Sum(n => settings.DelayBefore(n).TotalMinutes);

        Assert.Equal(12.25, total);
    }

    [Fact]
    public void A_first_delay_above_the_cap_is_capped()
    {
        var settings = new RedeliverySettings { FirstDelay = TimeSpan.FromMinutes(3), MaxDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromMinutes(1), settings.DelayBefore(1));
    }

    [Fact]
    public void There_is_no_zeroth_deferral()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RedeliverySettings().DelayBefore(0));
    }
}
