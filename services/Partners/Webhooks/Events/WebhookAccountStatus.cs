namespace Reseller.Partners.Webhooks.Events;

/// <summary>The account resource's fields that account.status_changed carries; the status before is in previous_attributes.</summary>
public sealed record WebhookAccountStatus(string Id, string Status, string Payer);
