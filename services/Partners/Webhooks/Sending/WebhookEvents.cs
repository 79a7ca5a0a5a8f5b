using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// Turns one event of a partner into one queued delivery per endpoint that hears it, in the caller's unit of work (a
/// consumer's inbox transaction), so an event is queued exactly once and only if the consumption commits.
/// </summary>
public sealed class WebhookEvents(PartnersDb db, TimeProvider clock)
{
    /// <summary>Queues each event; returns how many deliveries were queued.</summary>
    public async Task<int> QueueAsync(IEnumerable<WebhookEvent> events, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var e in events)
        {
            queued += await QueueAsync(e.PartnerId, e.Type, e.Resource, e.CreatedAt, cancellationToken, e.PreviousAttributes);
        }
        return queued;
    }

    public async Task<int> QueueAsync(Guid partnerId, string type, object dataObject, DateTimeOffset createdAt, CancellationToken cancellationToken,
        object? previousAttributes = null, Guid? onlyEndpointId = null)
    {
        var endpoints = await db.WebhookEndpoints
            .Where(e => e.PartnerId == partnerId && e.Enabled && e.DeletedAt == null && (onlyEndpointId == null || e.Id == onlyEndpointId))
            .ToListAsync(cancellationToken);
        var hearing = endpoints.Where(e => e.Hears(type)).ToList();
        if (hearing.Count == 0)
        {
            return 0;
        }
        var eventId = Guid.CreateVersion7();
        var payload = WebhookPayloads.Serialize(eventId, type, createdAt, dataObject, previousAttributes);
        foreach (var endpoint in hearing)
        {
            db.WebhookDeliveries.Add(WebhookDelivery.Queue(endpoint.Id, partnerId, eventId, type, payload, clock.GetUtcNow()));
        }
        return hearing.Count;
    }
}
