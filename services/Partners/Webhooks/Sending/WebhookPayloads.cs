using System.Text.Json;
using System.Text.Json.Serialization;

using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>The body of every event: {id, type, created_at, api_version, data: {object, previous_attributes?}}, in the API's JSON conventions.</summary>
public static class WebhookPayloads
{
    public const string ApiVersion = "v1";

    private static readonly JsonSerializerOptions Json = Create();

    public static string Serialize(Guid eventId, string type, DateTimeOffset createdAt, object dataObject, object? previousAttributes) =>
        JsonSerializer.Serialize(new Envelope(PublicId.Format(Deliveries.WebhookDelivery.EventIdPrefix, eventId), type, createdAt, ApiVersion,
            new EventData(dataObject, previousAttributes)), Json);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Apply(options);
        return options;
    }

    private sealed record Envelope(string Id, string Type, DateTimeOffset CreatedAt, string ApiVersion, EventData Data);

    private sealed record EventData(object Object, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? PreviousAttributes);
}
