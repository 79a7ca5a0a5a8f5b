namespace Reseller.Billing.Purchases;

/// <summary>Credits' request to invoice a pack: purchase_id (cp_…) is the invoice's unique reference.</summary>
public sealed record CreditPurchaseRequest(string? PurchaseId, string? Kind, long? Pack, string? AccountId);
