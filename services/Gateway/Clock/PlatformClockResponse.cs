namespace Reseller.Gateway.Clock;

public sealed record PlatformClockResponse(DateTimeOffset Now, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Ran);
