namespace Reseller.ServiceDefaults.Clock;

/// <summary>
/// The sandbox platform clock: real time plus an offset that the operator moves forward (never back).
/// Production uses TimeProvider.System instead and has no way to move it.
/// </summary>
public sealed class PlatformClock(TimeProvider realTime) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>The real time this clock runs ahead of.</summary>
    public DateTimeOffset RealNow => realTime.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => realTime.GetUtcNow() + Offset;

    /// <summary>Moves the clock to <paramref name="target"/> if that is later than now; returns the clock's time afterwards.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset target) => AdvanceTo(target, realTime.GetUtcNow());

    /// <summary>
    /// Moves the clock so that it read <paramref name="target"/> at the real instant <paramref name="realAt"/>, if that is
    /// later than it did then. Instances given the same pair run the same offset, however late each receives it: the
    /// replicas of a service then agree on the time (to their real clocks' agreement).
    /// </summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset target, DateTimeOffset realAt) => AdvanceBy((target - realAt).Ticks);

    /// <summary>Takes <paramref name="offset"/> if it is ahead of this clock's own (a peer's, read at start-up).</summary>
    public DateTimeOffset CatchUpWith(TimeSpan offset) => AdvanceBy(offset.Ticks);

    private DateTimeOffset AdvanceBy(long wanted)
    {
        while (true)
        {
            var current = Interlocked.Read(ref offsetTicks);
            if (wanted <= current || Interlocked.CompareExchange(ref offsetTicks, wanted, current) == current)
            {
                return GetUtcNow();
            }
        }
    }
}
