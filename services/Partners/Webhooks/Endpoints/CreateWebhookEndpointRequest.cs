using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Webhooks.Endpoints;

public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events, string? Description) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(string.IsNullOrWhiteSpace(Url), "url", "url is required.");
        WebhookEventRules.Check(errors, Events, required: true);
        errors.When(Description is { Length: > 200 }, "description", "description has at most 200 characters.");
    }
}
