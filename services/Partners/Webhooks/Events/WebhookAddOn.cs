namespace Reseller.Partners.Webhooks.Events;

public sealed record WebhookAddOn(string Code, int Quantity);
