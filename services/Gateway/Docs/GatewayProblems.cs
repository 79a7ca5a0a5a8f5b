using System.Text.Json.Nodes;

namespace Reseller.Gateway.Docs;

/// <summary>
/// The answer the gateway itself may give to any call before a service is reached: 429, for too many calls (per client
/// address without a credential, per partner with one) or too many unknown API keys from one address. Each operation's
/// responses are then listed in status order.
/// </summary>
public static class GatewayProblems
{
    public static void AddTo(JsonObject paths)
    {
        foreach (var operation in paths.Select(p => p.Value).OfType<JsonObject>().SelectMany(item => item.Select(o => o.Value)).OfType<JsonObject>())
        {
            if (operation["responses"] is not JsonObject responses)
            {
                continue;
            }
            if (!responses.ContainsKey("429"))
            {
                responses["429"] = TooManyRequests();
            }
            var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value?.DeepClone())).ToList();
            responses.Clear();
            foreach (var (status, response) in sorted)
            {
                responses[status] = response;
            }
        }
    }

    private static JsonObject TooManyRequests() => new()
    {
        ["description"] = "Too many calls (per client address without a credential, per partner with one), or too many unknown API keys from this address: wait `Retry-After` seconds.",
        ["headers"] = new JsonObject
        {
            ["Retry-After"] = new JsonObject
            {
                ["description"] = "Seconds to wait before calling again.",
                ["schema"] = new JsonObject { ["type"] = "integer" },
            },
        },
        ["content"] = new JsonObject
        {
            ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" } },
        },
    };
}
