using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>credits.purchase_completed and credits.purchase_failed: the purchase (cp_…) and the invoice that sold it.</summary>
public sealed record WebhookCreditPurchase(string? Id, string InvoiceId, string? AccountId, MoneyAmount Amount, string? FailureCode);
