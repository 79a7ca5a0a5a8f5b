using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using Reseller.Gateway.Routing;

namespace Reseller.Gateway.Docs;

/// <summary>Merges the OpenAPI documents of every service into the one public document of the gateway.</summary>
public sealed class OpenApiAggregator(HttpClient http, ServiceDestinations services, IServiceProvider gateway, ILogger<OpenApiAggregator> logger)
{
    public async Task<JsonObject> BuildAsync(CancellationToken cancellationToken)
    {
        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "Reseller API", ["version"] = "v1", ["description"] = ApiIntroduction.Markdown },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "This gateway, the single public entry" }),
            ["tags"] = ApiTags.All(),
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject(),
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT or partner API key" },
                    ["adminKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Admin-Key" },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        };

        MergeDocument(merged, await OwnDocumentAsync(cancellationToken));
        foreach (var (service, instances) in services.Instances)
        {
            if (instances.Count == 0)
            {
                continue;
            }
            try
            {
                MergeDocument(merged, JsonNode.Parse(await http.GetStringAsync(new Uri(instances[0], "/openapi/v1.json"), cancellationToken))!.AsObject());
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "The OpenAPI document of {Service} is unavailable; /docs leaves it out", service);
            }
        }
        GatewayProblems.AddTo(merged["paths"]!.AsObject());
        OperationSecurity.Apply(merged["paths"]!.AsObject());
        return merged;
    }

    /// <summary>The gateway's own operations (the sandbox clock), from its own document.</summary>
    private async Task<JsonObject> OwnDocumentAsync(CancellationToken cancellationToken)
    {
        var document = await gateway.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync(cancellationToken);
        return JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!.AsObject();
    }

    private static void MergeDocument(JsonObject merged, JsonObject document)
    {
        MergeInto(merged["paths"]!.AsObject(), document["paths"]?.AsObject());
        MergeInto(merged["components"]!["schemas"]!.AsObject(), document["components"]?["schemas"]?.AsObject());
    }

    private static void MergeInto(JsonObject target, JsonObject? source)
    {
        foreach (var (key, value) in source ?? [])
        {
            if (!target.ContainsKey(key))
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
