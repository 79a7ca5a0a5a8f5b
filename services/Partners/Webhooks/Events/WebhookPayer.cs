namespace Reseller.Partners.Webhooks.Events;

/// <summary>The account resource's fields that account.payer_changed carries.</summary>
public sealed record WebhookPayer(string Id, string Payer, string NotificationEmail);
