using Reseller.ServiceDefaults.Http;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>The credit note resource's fields that credit_note.issued carries.</summary>
public sealed record WebhookCreditNote(string Id, string Number, string InvoiceId, string? AccountId, MoneyAmount Amount, DateTimeOffset IssuedAt);
