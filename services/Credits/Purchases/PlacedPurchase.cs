namespace Reseller.Credits.Purchases;

/// <summary>The purchase a request stands for: ordered by it, or by an earlier request under the same Idempotency-Key.</summary>
public sealed record PlacedPurchase(CreditPurchase Purchase, bool IsRetry);
