namespace Reseller.Contracts.Accounts;

/// <summary>The partner chose another billing profile for an account; its next charges go to that card.</summary>
public sealed record AccountBillingProfileChanged(Guid AccountId, Guid PartnerId, Guid BillingProfileId, DateTimeOffset ChangedAt);
