namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// The platform's lockout rule for every password login: after 5 failed attempts in a row no attempt is accepted for
/// 5 minutes, a correct password included; a successful login resets the count.
/// </summary>
public sealed class LoginLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    public int FailedAttempts { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>
    /// The time left, never more than the lockout's own length: the replica that locked the login may have a clock a
    /// little ahead of the one that checks it.
    /// </summary>
    public TimeSpan? RemainingLock(DateTimeOffset now) =>
        LockedUntil is { } until && until > now ? TimeSpan.FromTicks(Math.Min((until - now).Ticks, Duration.Ticks)) : null;

    public void RegisterFailure(DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxFailures)
        {
            LockedUntil = now + Duration;
            FailedAttempts = 0;
            Telemetry.PlatformMetrics.LoginsLockedOut.Add(1);
        }
    }

    public void RegisterSuccess()
    {
        FailedAttempts = 0;
        LockedUntil = null;
    }
}
