using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class LoginLockoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Five_failures_in_a_row_lock_for_five_minutes()
    {
        var lockout = new LoginLockout();
        for (var i = 0; i < 4; i++)
        {
            lockout.RegisterFailure(Start);
            Assert.Null(lockout.RemainingLock(Start));
        }

        lockout.RegisterFailure(Start);

        Assert.Equal(TimeSpan.FromMinutes(5), lockout.RemainingLock(Start));
        Assert.Equal(TimeSpan.FromSeconds(1), lockout.RemainingLock(Start.AddMinutes(5).AddSeconds(-1)));
        Assert.Null(lockout.RemainingLock(Start.AddMinutes(5)));
    }

    [Fact]
    public void A_clock_behind_the_one_that_locked_never_reads_more_than_the_lockout()
    {
        var lockout = new LoginLockout();
        for (var i = 0; i < LoginLockout.MaxFailures; i++)
        {
            lockout.RegisterFailure(Start);
        }

        Assert.Equal(LoginLockout.Duration, lockout.RemainingLock(Start.AddMilliseconds(-700)));
        Assert.Equal(LoginLockout.Duration - TimeSpan.FromSeconds(1), lockout.RemainingLock(Start.AddSeconds(1)));
    }

    [Fact]
    public void A_success_resets_the_count()
    {
        var lockout = new LoginLockout();
        for (var i = 0; i < 4; i++)
        {
            lockout.RegisterFailure(Start);
        }

        lockout.RegisterSuccess();
        lockout.RegisterFailure(Start);

        Assert.Null(lockout.RemainingLock(Start));
        Assert.Equal(1, lockout.FailedAttempts);
    }
}
