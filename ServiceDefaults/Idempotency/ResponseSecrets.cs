using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reseller.ServiceDefaults.Idempotency;

/// <summary>
/// Endpoint metadata for answers that carry a secret. Such answers are sent with <c>Cache-Control: no-store</c> and are
/// never written whole to the idempotency store, where they would outlive the rule that a secret is shown once and kept
/// only as a hash:
/// <list type="bullet">
/// <item>a credential answer (a token for a password or a one-time link) is not replayed at all: the request carries its
/// own proof, so a retry is simply answered again, and a spent one-time link stays spent;</item>
/// <item>an answer that shows a one-time secret beside a created resource (a generated password, an API key) is replayed
/// with the secret's fields set to null, so a retry never creates twice yet never sees the secret again.</item>
/// </list>
/// </summary>
public sealed class ResponseSecrets
{
    private ResponseSecrets(bool replayed, IReadOnlyList<string[]> fields)
    {
        Replayed = replayed;
        Fields = fields;
    }

    public bool Replayed { get; }

    /// <summary>JSON paths (snake_case member names) of the secret fields, blanked in the stored replay.</summary>
    public IReadOnlyList<string[]> Fields { get; }

    public static ResponseSecrets Credential() => new(replayed: false, []);

    public static ResponseSecrets OneTime(params string[] paths) => new(replayed: true, paths.Select(p => p.Split('.')).ToList());

    /// <summary>The body to keep for replays: the same JSON with each secret field set to null (left as is if absent).</summary>
    public byte[] Redact(byte[] body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }
        foreach (var path in Fields)
        {
            var parent = path[..^1].Aggregate(root, (node, member) => node is JsonObject o ? o[member] : null);
            if (parent is JsonObject holder && holder.ContainsKey(path[^1]))
            {
                holder[path[^1]] = null;
            }
        }
        return root is null ? body : JsonSerializer.SerializeToUtf8Bytes(root);
    }
}
