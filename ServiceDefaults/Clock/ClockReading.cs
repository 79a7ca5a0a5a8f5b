namespace Reseller.ServiceDefaults.Clock;

public sealed record ClockReading(DateTimeOffset Now, IReadOnlyDictionary<string, int>? Jobs);
