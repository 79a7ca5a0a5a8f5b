using System.Text.Json.Nodes;

namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>One path and method of the merged OpenAPI document, with its parameters and JSON body schema (if any).</summary>
public sealed record WalkOperation(string Method, string Path, IReadOnlyList<JsonNode> Parameters, JsonNode? BodySchema)
{
    public string Key => $"{Method} {Path}";

    public IEnumerable<string> PathParameters => Parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!);

    public IEnumerable<JsonNode> QueryParameters => Parameters.Where(p => (string?)p["in"] == "query");

    public bool IsSafe => Method is "GET" or "HEAD";
}
