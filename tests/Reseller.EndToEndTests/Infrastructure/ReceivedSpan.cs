namespace Reseller.EndToEndTests.Infrastructure;

/// <param name="IsUnprompted">
/// A client call (a database command, an HTTP call) that no request, message or job span started: the services' pollers
/// make these every second, whatever the tests do.
/// </param>
public sealed record ReceivedSpan(string Service, string TraceId, string Name, bool IsUnprompted = false);
