namespace Reseller.Contracts.Partners;

/// <summary>
/// A partner invited a user. The acceptance link's secret is not part of it: Partners mails the link itself, from its
/// mail outbox, so the secret never reaches the broker.
/// </summary>
public sealed record PartnerUserInvited(Guid UserId, Guid PartnerId, string Email, string Role, DateTimeOffset ExpiresAt);
