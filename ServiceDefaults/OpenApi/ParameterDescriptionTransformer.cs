using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>Gives each parameter without a description of its own the one its name has across the API.</summary>
public sealed class ParameterDescriptionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (string.IsNullOrEmpty(parameter.Description) && parameter.Name is { } name)
            {
                parameter.Description = ParameterDescriptions.For(name);
            }
        }
        return Task.CompletedTask;
    }
}
