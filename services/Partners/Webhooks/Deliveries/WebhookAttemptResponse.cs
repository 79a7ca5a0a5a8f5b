namespace Reseller.Partners.Webhooks.Deliveries;

public sealed record WebhookAttemptResponse(DateTimeOffset AttemptedAt, int? StatusCode, int DurationMs, string? Response, string? Error)
{
    public static WebhookAttemptResponse From(WebhookAttempt a) => new(a.AttemptedAt, a.StatusCode, a.DurationMs, a.ResponseExcerpt, a.Error);
}
