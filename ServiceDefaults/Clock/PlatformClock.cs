namespace Reseller.ServiceDefaults.Clock;

/// <summary>
/// The sandbox platform clock: real time plus an offset that the operator moves forward (never back).
/// Production uses TimeProvider.System instead and has no way to move it.
/// </summary>
public sealed class PlatformClock(TimeProvider realTime) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => realTime.GetUtcNow() + Offset;

    /// <summary>Moves the clock to <paramref name="target"/> if that is later than now; returns the clock's time afterwards.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            var current = Interlocked.Read(ref offsetTicks);
            var wanted = (target - realTime.GetUtcNow()).Ticks;
            if (wanted <= current || Interlocked.CompareExchange(ref offsetTicks, wanted, current) == current)
            {
                return GetUtcNow();
            }
        }
    }
}
