namespace Reseller.EndToEndTests.Infrastructure;

public sealed record ReceivedSpan(string Service, string TraceId, string Name);
