using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Webhooks.Endpoints;

public static class WebhookProblems
{
    public static ProblemException TooManyEndpoints() => ProblemException.Unprocessable(
        "webhook-endpoint-limit", "The partner already has the most webhook endpoints allowed.",
        $"A partner may register at most {WebhookEndpoint.MaxPerPartner} webhook endpoints; delete one first.");

    public static ProblemException EndpointDisabled() => ProblemException.Conflict(
        "webhook-endpoint-disabled", "The webhook endpoint is disabled.", "Enable it (PATCH with enabled: true) before sending to it.");

    public static ProblemException EndpointDeleted() => ProblemException.Conflict(
        "webhook-endpoint-deleted", "The webhook endpoint was deleted.", "A deleted endpoint's deliveries cannot be sent again.");
}
