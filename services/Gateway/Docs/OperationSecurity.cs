using System.Text.Json.Nodes;

using Reseller.ServiceDefaults.OpenApi;

namespace Reseller.Gateway.Docs;

/// <summary>
/// Each operation's credential in the merged document: none for those open to anyone, X-Admin-Key for the operator's,
/// the document's default (a bearer token or API key) for the others; read from the mark each service puts on them.
/// </summary>
public static class OperationSecurity
{
    public static void Apply(JsonObject paths)
    {
        foreach (var operation in paths.Select(p => p.Value).OfType<JsonObject>().SelectMany(item => item.Select(o => o.Value)).OfType<JsonObject>())
        {
            var caller = operation[CallerTransformer.Extension]?.GetValue<string>();
            operation.Remove(CallerTransformer.Extension);
            if (caller == CallerTransformer.Anonymous)
            {
                operation["security"] = new JsonArray();
            }
            else if (caller == CallerTransformer.Operator)
            {
                operation["security"] = new JsonArray(new JsonObject { ["adminKey"] = new JsonArray() });
            }
        }
    }
}
