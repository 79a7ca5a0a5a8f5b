using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using Reseller.ServiceDefaults.Http;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>
/// A string of digits read by <see cref="DigitsAsStringConverter"/> (a card number, a CVC) is documented as the string of
/// digits clients are asked for: the converter hides its shape from the schema generator, as our timestamps' does.
/// </summary>
public sealed class DigitsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.CustomConverter is DigitsAsStringConverter)
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Pattern = "^[0-9]+$";
        }
        return Task.CompletedTask;
    }
}
