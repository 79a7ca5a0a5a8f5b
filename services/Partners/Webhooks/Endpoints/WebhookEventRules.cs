using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Webhooks.Endpoints;

public static class WebhookEventRules
{
    public static void Check(ValidationErrors errors, IReadOnlyList<string>? events, bool required)
    {
        if (events is null)
        {
            errors.When(required, "events", "events is required: the event types this endpoint hears.");
            return;
        }
        errors.When(events.Count == 0, "events", "events needs at least one event type.");
        var unknown = events.Where(e => !WebhookEventTypes.Subscribable.Contains(e ?? "")).ToList();
        errors.When(unknown.Count > 0, "events", $"Unknown event types: {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEventTypes.Subscribable.Order(StringComparer.Ordinal))}.");
    }
}
