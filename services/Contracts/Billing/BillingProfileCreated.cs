namespace Reseller.Contracts.Billing;

/// <summary>
/// A card was saved: a partner's own (AccountId null) or a customer's own for its account. Lets other services check that a
/// card named in a request is the caller's without calling Billing.
/// </summary>
public sealed record BillingProfileCreated(Guid BillingProfileId, Guid PartnerId, Guid? AccountId, DateTimeOffset At);
