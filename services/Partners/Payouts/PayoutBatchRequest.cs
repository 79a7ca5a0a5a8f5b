namespace Reseller.Partners.Payouts;

/// <summary>A payout batch: our batch id (the provider's idempotency key) and one item per statement.</summary>
public sealed record PayoutBatchRequest(string SenderBatchId, string EmailSubject, IReadOnlyList<PayoutItemRequest> Items);
