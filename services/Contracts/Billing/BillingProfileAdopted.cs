namespace Reseller.Contracts.Billing;

/// <summary>A referral signup's card, saved before its account existed, is now that account's customer's own card.</summary>
public sealed record BillingProfileAdopted(Guid BillingProfileId, Guid PartnerId, Guid AccountId, DateTimeOffset At);
