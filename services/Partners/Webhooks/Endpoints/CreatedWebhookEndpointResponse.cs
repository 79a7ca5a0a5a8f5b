namespace Reseller.Partners.Webhooks.Endpoints;

/// <summary>The endpoint with its signing secret, shown this once (and after each roll).</summary>
public sealed record CreatedWebhookEndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string Secret)
{
    public static CreatedWebhookEndpointResponse From(WebhookEndpoint e, string secret) => new(
        WebhookEndpointIds.Format(e.Id), e.Url, e.Events, e.Description, e.Enabled, e.CreatedAt, secret);
}
