namespace Reseller.ServiceDefaults.Memory;

/// <summary>
/// When a process that has gone quiet should give its heap back: it allocated little in the last check (quiet), and enough
/// since the last trim for the collection to free something worth having. A process that keeps serving never trims (its
/// collections already run); a quiet one trims once after each busy spell, not at every check.
/// </summary>
public sealed record IdleTrimPolicy(long QuietBytesPerCheck, long WorthTrimmingBytes)
{
    /// <summary>
    /// Less than 1 MB in a 2 s check is a process doing its timers and probes, not serving: an idle Billing allocated 85 KB a
    /// second, metrics scrapes included. 64 MB allocated since the last trim is about what a service allocates starting up.
    /// </summary>
    public static IdleTrimPolicy Default { get; } = new(QuietBytesPerCheck: 1 << 20, WorthTrimmingBytes: 64 << 20);

    public bool ShouldTrim(long allocatedSinceLastCheck, long allocatedSinceLastTrim) =>
        allocatedSinceLastCheck < QuietBytesPerCheck && allocatedSinceLastTrim >= WorthTrimmingBytes;
}
