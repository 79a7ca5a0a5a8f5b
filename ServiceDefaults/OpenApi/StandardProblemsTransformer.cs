using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>
/// The problems every operation can answer whatever it does (bad input, no or a refused credential, an unknown id, the
/// Idempotency-Key rules of every POST), added from the endpoint's own metadata; each endpoint names its other problems
/// with ProducesProblem. Every 4xx is written as problem+json, so each gets that schema.
/// </summary>
public sealed class StandardProblemsTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchemaName = "ProblemDetails";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var isPost = HttpMethods.IsPost(description.HttpMethod ?? "");
        var responses = operation.Responses ??= [];

        if (isPost || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Query))
        {
            Add(responses, 400);
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            Add(responses, 413);
        }
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(responses, 401);
            Add(responses, 403);
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
        {
            Add(responses, 404);
        }
        if (isPost)
        {
            Add(responses, 409, "A request with the same Idempotency-Key is still in flight, or the resource's state forbids this.");
            Add(responses, 422, "The Idempotency-Key was already used with another body, or a business rule refuses this.");
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => p.Name == "Idempotency-Key"))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "Idempotency-Key",
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = ParameterDescriptions.For("Idempotency-Key"),
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                });
            }
        }

        var problem = await ProblemSchemaAsync(context, cancellationToken);
        foreach (var (status, response) in responses)
        {
            if (!status.StartsWith('4') || response is not OpenApiResponse problemResponse)
            {
                continue;
            }
            if (problemResponse.Content is null or { Count: 0 })
            {
                problemResponse.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } };
            }
            if (int.TryParse(status, out var code) && problemResponse.Description == ReasonPhrases.GetReasonPhrase(code) && ProblemMeanings.For(code) is { } meaning)
            {
                // ProducesProblem and typed results name only the status; say what it means in this API.
                problemResponse.Description = meaning;
            }
        }
    }

    private static void Add(OpenApiResponses responses, int status, string? description = null)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!responses.TryGetValue(key, out var existing))
        {
            responses[key] = new OpenApiResponse { Description = description ?? ProblemMeanings.For(status) };
        }
        else if (description is not null && existing is OpenApiResponse response && response.Description == ReasonPhrases.GetReasonPhrase(status))
        {
            response.Description = description;
        }
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Document is not { } document)
        {
            return await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }
        if (document.Components?.Schemas?.ContainsKey(ProblemSchemaName) != true)
        {
            document.AddComponent(ProblemSchemaName, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }
        return new OpenApiSchemaReference(ProblemSchemaName, document);
    }
}
