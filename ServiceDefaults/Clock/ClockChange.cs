namespace Reseller.ServiceDefaults.Clock;

public sealed record ClockChange(DateTimeOffset? Now);
