namespace Reseller.Credits.Purchases;

public sealed record PurchaseRequest(long? Pack, string? AccountId);
