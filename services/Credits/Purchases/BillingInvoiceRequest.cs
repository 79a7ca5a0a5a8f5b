namespace Reseller.Credits.Purchases;

/// <summary>What Credits asks Billing to invoice: Billing prices the pack from the catalog itself.</summary>
public sealed record BillingInvoiceRequest(string PurchaseId, string Kind, long Pack, string? AccountId);
