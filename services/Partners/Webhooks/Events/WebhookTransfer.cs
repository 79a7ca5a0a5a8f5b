namespace Reseller.Partners.Webhooks.Events;

/// <summary>account.transferred_out: the account left the agency (its new owner's address is not the partner's to know).</summary>
public sealed record WebhookTransfer(string Id, string Status, DateTimeOffset TransferredAt);
