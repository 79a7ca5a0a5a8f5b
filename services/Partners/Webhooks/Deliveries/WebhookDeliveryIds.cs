using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Deliveries;

public static class WebhookDeliveryIds
{
    public static string Event(Guid eventId) => PublicId.Format(WebhookDelivery.EventIdPrefix, eventId);

    public static string Delivery(Guid deliveryId) => PublicId.Format(WebhookDelivery.IdPrefix, deliveryId);
}
