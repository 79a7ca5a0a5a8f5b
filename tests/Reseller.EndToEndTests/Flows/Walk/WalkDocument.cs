using System.Text.Json.Nodes;

namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>Reads the operations of the merged OpenAPI document and resolves its <c>$ref</c>s.</summary>
public sealed class WalkDocument(JsonNode document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IReadOnlyList<WalkOperation> Operations()
    {
        var operations = new List<WalkOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray().Select(p => Resolve(p!)).ToList() ?? [];
            foreach (var method in Methods)
            {
                if (item[method] is not { } operation)
                {
                    continue;
                }
                var parameters = shared.Concat(operation["parameters"]?.AsArray().Select(p => Resolve(p!)) ?? []).ToList();
                var body = operation["requestBody"] is { } requestBody ? Resolve(requestBody)["content"]?["application/json"]?["schema"] : null;
                operations.Add(new WalkOperation(method.ToUpperInvariant(), path, parameters, body is null ? null : Resolve(body)));
            }
        }
        return operations;
    }

    /// <summary>The schema itself, or what its <c>$ref</c> points at.</summary>
    public JsonNode Resolve(JsonNode node)
    {
        for (var hops = 0; hops < 10 && node is JsonObject o && o["$ref"] is { } reference; hops++)
        {
            var target = document.Root;
            foreach (var part in ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            node = target ?? new JsonObject();
        }
        return node;
    }
}
