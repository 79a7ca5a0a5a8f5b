namespace Reseller.Contracts.Billing;

/// <summary>A card was deleted: no new account or payer change may name it.</summary>
public sealed record BillingProfileDeleted(Guid BillingProfileId, DateTimeOffset At);
