using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>An invoice line as GET /api/v1/invoices/{id} shows it.</summary>
public sealed record WebhookInvoiceLine(string Code, string Description, long Quantity, MoneyAmount UnitAmount, MoneyAmount Amount, MoneyAmount Discount, MoneyAmount Total);
