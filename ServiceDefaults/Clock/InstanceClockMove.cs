namespace Reseller.ServiceDefaults.Clock;

/// <summary>
/// The gateway's move of one instance's clock: to <paramref name="Now"/> as of the real instant <paramref name="RealAt"/>
/// (when the operator's call arrived). Without it, the instance takes <paramref name="Now"/> as of the moment it reads it.
/// </summary>
public sealed record InstanceClockMove(DateTimeOffset? Now, DateTimeOffset? RealAt = null);
