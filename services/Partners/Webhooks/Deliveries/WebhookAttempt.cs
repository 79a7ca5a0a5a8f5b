namespace Reseller.Partners.Webhooks.Deliveries;

/// <summary>One POST of a delivery: when, the answer's status (null when none came), how long, the first 1 KB of the answer.</summary>
public sealed class WebhookAttempt
{
    public const int ExcerptLength = 1024;

    public long Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public DateTimeOffset AttemptedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public int DurationMs { get; private set; }
    public string? ResponseExcerpt { get; private set; }
    public string? Error { get; private set; }

    private WebhookAttempt()
    {
    }

    public static WebhookAttempt Of(Guid deliveryId, DateTimeOffset at, int? statusCode, TimeSpan duration, string? response, string? error) => new()
    {
        DeliveryId = deliveryId,
        AttemptedAt = at,
        StatusCode = statusCode,
        DurationMs = (int)Math.Min(duration.TotalMilliseconds, int.MaxValue),
        ResponseExcerpt = response is { Length: > ExcerptLength } ? response[..ExcerptLength] : response,
        Error = error is { Length: > 300 } ? error[..300] : error,
    };
}
