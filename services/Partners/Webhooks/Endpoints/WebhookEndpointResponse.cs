namespace Reseller.Partners.Webhooks.Endpoints;

public sealed record WebhookEndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookEndpointResponse From(WebhookEndpoint e) => new(
        WebhookEndpointIds.Format(e.Id), e.Url, e.Events, e.Description, e.Enabled, e.CreatedAt, e.DisabledAt, e.PreviousSecretExpiresAt);
}
