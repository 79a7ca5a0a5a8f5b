namespace Reseller.ServiceDefaults.Tokens;

/// <summary>A subject whose tokens below this session version are refused (the issuer's internal list, and what each process keeps).</summary>
public sealed record EndedSession(string Subject, int Version);
