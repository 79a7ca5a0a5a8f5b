namespace Reseller.Billing.Payments;

/// <summary>Who a saved card pays for: a partner, or a customer's account; and its provider customer when it has one already.</summary>
public sealed record CardHolder(Guid PartnerId, Guid? AccountId, string Name, string? ProviderCustomerId);
