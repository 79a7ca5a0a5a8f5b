namespace Reseller.Contracts.Partners;

/// <summary>
/// A partner invited a user; Partners e-mails the acceptance link. <see cref="Token"/> is the single-use secret of that
/// link (only its hash is stored): consumers other than the mailer must ignore it.
/// </summary>
public sealed record PartnerUserInvited(Guid UserId, Guid PartnerId, string Email, string Role, string Token, DateTimeOffset ExpiresAt);
