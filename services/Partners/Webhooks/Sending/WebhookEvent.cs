namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// One event a partner hears, before it is queued: its type, its data.object, the resource (the API resource's shape) and, for a change,
/// data.previous_attributes. Each consumer maps its integration event to these in a pure function the unit tests check.
/// </summary>
public sealed record WebhookEvent(Guid PartnerId, string Type, object Resource, DateTimeOffset CreatedAt, object? PreviousAttributes = null);
