using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>
/// Marks the operations open without a credential and those of the operator, so the gateway's merged document gives each
/// its own security (none, or X-Admin-Key) instead of the bearer token every other operation takes.
/// </summary>
public sealed class CallerTransformer : IOpenApiOperationTransformer
{
    public const string Extension = "x-reseller-caller";
    public const string Anonymous = "anonymous";
    public const string Operator = "operator";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var caller = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any() ? Anonymous
            : metadata.OfType<IAuthorizeData>().Any(a => a.Policy == PlatformPolicies.Operator) ? Operator
            : null;
        if (caller is not null)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(caller));
        }
        return Task.CompletedTask;
    }
}
