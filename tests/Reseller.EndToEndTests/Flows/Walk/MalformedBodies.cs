using System.Text.Json.Nodes;

namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>A bounded set of broken variants of a valid body: at most <see cref="Count"/> per operation.</summary>
public static class MalformedBodies
{
    public const int Count = 7;

    public static IEnumerable<(string Variant, string? Json)> Of(JsonNode? valid)
    {
        yield return ("no body", null);
        yield return ("invalid JSON", "{\"name\": \"walk\", ");
        yield return ("JSON null", "null");
        yield return ("array instead of object", "[1, 2]");
        yield return ("missing fields", "{}");
        if (valid is JsonObject body)
        {
            yield return ("wrong types", Transform(body, WrongType).ToJsonString());
            yield return ("huge values", Transform(body, Huge).ToJsonString());
        }
    }

    /// <summary>
    /// Whether the variant may be a valid request after all: with no required field, an empty body is one (POST
    /// /admin/payouts without statement_ids pays every pending statement), so a caller that must not write sends it no such variant.
    /// </summary>
    public static bool MayBeValid(string variant, JsonNode schema) =>
        variant is "no body" or "JSON null" or "missing fields" && schema["required"] is not JsonArray { Count: > 0 };

    private static JsonObject Transform(JsonObject body, Func<JsonNode?, JsonNode?> change)
    {
        var changed = new JsonObject();
        foreach (var (name, value) in body)
        {
            changed[name] = value is JsonObject nested ? Transform(nested, change) : change(value);
        }
        return changed;
    }

    private static JsonNode? WrongType(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out _) => 12345,
        JsonValue v when v.TryGetValue<bool>(out _) => "maybe",
        JsonValue => "not a number",
        JsonArray => "not a list",
        _ => new JsonArray(1, 2),
    };

    /// <summary>Values far beyond any field's range, yet well under the 1 MB body limit.</summary>
    private static JsonNode? Huge(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out _) => new string('w', 20_000),
        JsonValue v when v.TryGetValue<bool>(out _) => true,
        JsonValue => JsonNode.Parse("1e400"),
        JsonArray items => new JsonArray(Enumerable.Range(0, 500).Select(_ => items.FirstOrDefault()?.DeepClone()).ToArray()),
        _ => new string('w', 20_000),
    };
}
