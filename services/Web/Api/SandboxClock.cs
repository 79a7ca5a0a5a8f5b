namespace Reseller.Web.Api;

/// <summary>The platform's sandbox clock; <see cref="Ran"/> counts, per service, the jobs a move ran.</summary>
public sealed record SandboxClock(DateTimeOffset Now, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Ran);
