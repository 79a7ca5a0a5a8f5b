using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>The commission statement resource as commission.statement_paid carries it.</summary>
public sealed record WebhookStatement(string Id, string Month, string Status, MoneyAmount Total, string PayoutReference, DateTimeOffset PaidAt);
