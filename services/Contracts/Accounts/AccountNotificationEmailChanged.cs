namespace Reseller.Contracts.Accounts;

/// <summary>The partner's address for an account's billing, abuse and approval notices changed.</summary>
public sealed record AccountNotificationEmailChanged(Guid AccountId, Guid PartnerId, string NotificationEmail, DateTimeOffset ChangedAt);
