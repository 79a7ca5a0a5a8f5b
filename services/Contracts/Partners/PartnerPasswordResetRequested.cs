namespace Reseller.Contracts.Partners;

/// <summary>
/// A partner user asked for a password reset; Partners e-mails the single-use link. <see cref="Token"/> is its secret
/// (only its hash is stored): consumers other than the mailer must ignore it.
/// </summary>
public sealed record PartnerPasswordResetRequested(Guid UserId, string Email, string Token, DateTimeOffset ExpiresAt);
