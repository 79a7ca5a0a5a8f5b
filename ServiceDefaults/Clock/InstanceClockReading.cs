namespace Reseller.ServiceDefaults.Clock;

/// <summary>
/// One instance's clock: its now, and how far ahead of real time it runs, exactly (timestamps on the wire are to the
/// second; an instance catching up with its peers takes their offset, not their rounded now).
/// </summary>
public sealed record InstanceClockReading(DateTimeOffset Now, long OffsetTicks);
