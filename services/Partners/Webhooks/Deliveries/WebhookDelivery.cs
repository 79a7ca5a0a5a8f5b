namespace Reseller.Partners.Webhooks.Deliveries;

/// <summary>
/// One event for one endpoint, queued in PostgreSQL in the transaction that consumed the integration event. Dispatchers
/// lease due rows (FOR UPDATE SKIP LOCKED, then a lease in real time), post them and record each attempt; a lease left by
/// a crashed instance expires and the row is taken again, so an event is delivered at least once.
/// </summary>
public sealed class WebhookDelivery
{
    public const string IdPrefix = "whd";
    public const string EventIdPrefix = "evt";

    public Guid Id { get; private set; }
    public Guid EndpointId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";

    /// <summary>The exact body posted (and signed); kept as text so that every attempt sends the same bytes.</summary>
    public string Payload { get; private set; } = "";
    public string Status { get; private set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? FirstAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? LeasedUntil { get; private set; }

    private WebhookDelivery()
    {
    }

    public static WebhookDelivery Queue(Guid endpointId, Guid partnerId, Guid eventId, string eventType, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EndpointId = endpointId,
        PartnerId = partnerId,
        EventId = eventId,
        EventType = eventType,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Count(statusCode, now);
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = now;
        LeasedUntil = null;
    }

    /// <summary>Schedules the next attempt; returns false when the delivery has failed for 3 days and is given up.</summary>
    public bool Failed(int? statusCode, DateTimeOffset now, double unitRandom)
    {
        Count(statusCode, now);
        LeasedUntil = null;
        if (RetrySchedule.NextAttempt(Attempts, FirstAttemptAt!.Value, now, unitRandom) is { } next)
        {
            NextAttemptAt = next;
            return true;
        }
        Status = WebhookDeliveryStatus.Failed;
        return false;
    }

    /// <summary>Asked again by the partner: a new round of attempts starting now, whatever happened before.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        FirstAttemptAt = null;
        LeasedUntil = null;
    }

    private void Count(int? statusCode, DateTimeOffset now)
    {
        Attempts++;
        FirstAttemptAt ??= now;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
    }
}
