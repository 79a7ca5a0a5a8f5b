using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Endpoints;

public static class WebhookEndpointIds
{
    public const string Prefix = "we";

    public static string Format(Guid id) => PublicId.Format(Prefix, id);
}
