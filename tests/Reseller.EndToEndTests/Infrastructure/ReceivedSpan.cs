namespace Reseller.EndToEndTests.Infrastructure;

/// <param name="IsUnprompted">
/// A client call (a database command, an HTTP call) that no request, message or job span started. The services no longer
/// trace their pollers' database calls, but a quiet wait must not be held open by one if it comes back.
/// </param>
public sealed record ReceivedSpan(string Service, string TraceId, string Name, bool IsUnprompted = false);
