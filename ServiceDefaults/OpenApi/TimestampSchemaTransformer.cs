using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>
/// Timestamps are written by our own converter (ISO-8601 UTC), which hides their shape from the schema generator; this
/// gives them back their schema, a date-time string, so generated clients type them.
/// </summary>
public sealed class TimestampSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        if ((underlying ?? type) == typeof(DateTimeOffset))
        {
            schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Examples ??= [System.Text.Json.Nodes.JsonValue.Create("2026-11-23T18:40:05Z")];
        }
        return Task.CompletedTask;
    }
}
