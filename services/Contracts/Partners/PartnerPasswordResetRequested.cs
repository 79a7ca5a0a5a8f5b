namespace Reseller.Contracts.Partners;

/// <summary>
/// A partner user asked for a password reset. The link's secret is not part of it: Partners mails the link itself, from
/// its mail outbox, so the secret never reaches the broker.
/// </summary>
public sealed record PartnerPasswordResetRequested(Guid UserId, string Email, DateTimeOffset ExpiresAt);
