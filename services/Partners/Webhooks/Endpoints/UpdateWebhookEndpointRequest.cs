using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Webhooks.Endpoints;

public sealed record UpdateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled, string? Description) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(Url is not null && string.IsNullOrWhiteSpace(Url), "url", "url cannot be empty.");
        WebhookEventRules.Check(errors, Events, required: false);
        errors.When(Description is { Length: > 200 }, "description", "description has at most 200 characters.");
    }
}
