namespace Reseller.Contracts.Identity;

/// <summary>
/// A user's sessions ended (removed, password changed or reset, account moved): every token of that issuer and subject
/// with a session version below <paramref name="Version"/> is refused from now on, by the gateway and every service.
/// </summary>
public sealed record SessionsEnded(string Issuer, string Subject, int Version, DateTimeOffset EndedAt);
