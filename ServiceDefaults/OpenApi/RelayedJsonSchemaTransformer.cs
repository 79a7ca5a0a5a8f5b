using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>
/// A field that relays another service's JSON answer as it came (a JsonElement or JsonNode) is a JSON object, not
/// anything at all: generated clients then type it as a map rather than as unknown.
/// </summary>
public sealed class RelayedJsonSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            schema.Type = JsonSchemaType.Object;
            schema.AdditionalPropertiesAllowed = true;
            schema.Description ??= "A JSON object, as the service that owns it answers it.";
        }
        return Task.CompletedTask;
    }
}
