using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>The commission earning resource (GET /api/v1/commissions) as commission.earned carries it.</summary>
public sealed record WebhookEarning(string Id, string? AccountId, string InvoiceId, string Kind, MoneyAmount Amount, string Month, DateTimeOffset EarnedAt);
