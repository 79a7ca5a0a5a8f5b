using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>The invoice resource's fields that invoice.payment_failed and invoice.uncollectible carry, with the failure.</summary>
public sealed record WebhookFailedPayment(
    string Id, string Number, string Status, string? AccountId, string Purpose, MoneyAmount AmountDue, string FailureCode,
    int Attempt, DateTimeOffset FailedAt, DateTimeOffset? NextRetryAt);
