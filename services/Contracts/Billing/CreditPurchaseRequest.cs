namespace Reseller.Contracts.Billing;

/// <summary>
/// Credits' request that Billing invoice and charge a credit pack (its internal credit-purchases endpoint): Billing prices the
/// pack from the catalog itself; purchase_id (cp_…) is the invoice's unique reference, so a repeated call returns the same invoice.
/// </summary>
public sealed record CreditPurchaseRequest(string? PurchaseId, string? Kind, long? Pack, string? AccountId);
