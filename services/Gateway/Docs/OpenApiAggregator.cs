using System.Text.Json.Nodes;

using Reseller.Gateway.Routing;

namespace Reseller.Gateway.Docs;

/// <summary>Merges the OpenAPI documents of every service into the one public document of the gateway.</summary>
public sealed class OpenApiAggregator(HttpClient http, ServiceDestinations services, ILogger<OpenApiAggregator> logger)
{
    public async Task<JsonObject> BuildAsync(CancellationToken cancellationToken)
    {
        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "Reseller API", ["version"] = "v1" },
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

        foreach (var (service, instances) in services.Instances)
        {
            if (instances.Count == 0)
            {
                continue;
            }
            try
            {
                var document = JsonNode.Parse(await http.GetStringAsync(new Uri(instances[0], "/openapi/v1.json"), cancellationToken))!.AsObject();
                MergeInto(merged["paths"]!.AsObject(), document["paths"]?.AsObject());
                MergeInto(merged["components"]!["schemas"]!.AsObject(), document["components"]?["schemas"]?.AsObject());
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "The OpenAPI document of {Service} is unavailable; /docs leaves it out", service);
            }
        }
        return merged;
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
