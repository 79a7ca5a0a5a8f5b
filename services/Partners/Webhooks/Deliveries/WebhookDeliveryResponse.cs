using Reseller.Partners.Webhooks.Endpoints;

namespace Reseller.Partners.Webhooks.Deliveries;

public sealed record WebhookDeliveryResponse(
    string Id,
    string EndpointId,
    string EventId,
    string EventType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) => new(
        WebhookDeliveryIds.Delivery(d.Id),
        WebhookEndpointIds.Format(d.EndpointId),
        WebhookDeliveryIds.Event(d.EventId),
        d.EventType,
        d.Status,
        d.CreatedAt,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
        d.DeliveredAt,
        attempts.OrderBy(a => a.Id).Select(WebhookAttemptResponse.From).ToList());
}
