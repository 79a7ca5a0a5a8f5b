namespace Reseller.Partners.Webhooks.Deliveries;

/// <summary>
/// When a failed delivery is tried again: about 1 min, 5 min, 30 min, 2 h, 5 h, then every 10 h, each wait ±10 % so that
/// the retries of many events failed together do not hit a recovering receiver at one instant; given up after 3 days.
/// </summary>
public static class RetrySchedule
{
    public const double Jitter = 0.1;
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
    ];

    private static readonly TimeSpan LastWait = TimeSpan.FromHours(10);

    /// <summary>The wait after the <paramref name="failures"/>-th failure (1-based), before jitter.</summary>
    public static TimeSpan WaitAfter(int failures) => failures <= Waits.Length ? Waits[Math.Max(failures, 1) - 1] : LastWait;

    /// <summary>The next attempt after a failure, or null when the delivery has been failing for 3 days and is given up.</summary>
    public static DateTimeOffset? NextAttempt(int failures, DateTimeOffset firstAttemptAt, DateTimeOffset now, double unitRandom)
    {
        var wait = WaitAfter(failures) * (1 + Jitter * ((unitRandom * 2) - 1));
        var next = now + wait;
        return next - firstAttemptAt > GiveUpAfter ? null : next;
    }
}
