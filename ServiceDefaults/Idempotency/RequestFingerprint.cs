using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reseller.ServiceDefaults.Idempotency;

/// <summary>
/// What the idempotency store keeps of a request to tell a retry from another request: an HMAC under a server secret of
/// the method, path and body, with every <c>card</c> object taken out of the body and kept only as an HMAC under a key of
/// its own. Two requests that differ only by card still differ, and the stored value reveals nothing of the card: without
/// the secret nobody can test guessed card numbers against it.
/// </summary>
public sealed class RequestFingerprint
{
    public const string CardField = "card";

    private readonly byte[] bodyKey;
    private readonly byte[] cardKey;

    public RequestFingerprint(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var key = Encoding.UTF8.GetBytes(secret);
        bodyKey = HMACSHA256.HashData(key, "reseller/idempotency/request"u8);
        cardKey = HMACSHA256.HashData(key, "reseller/idempotency/card"u8);
    }

    public string Of(string method, string pathAndQuery, byte[] body)
    {
        var cards = new List<string>();
        var withoutCards = WithoutCards(body, cards);
        var cardsMac = HMACSHA256.HashData(cardKey, Encoding.UTF8.GetBytes(string.Join('\n', cards)));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, bodyKey);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{method} {pathAndQuery}\n"));
        hmac.AppendData(withoutCards);
        hmac.AppendData("\n"u8);
        hmac.AppendData(cardsMac);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>The body with its card objects removed (collected in order); a body that is not JSON is kept as it is.</summary>
    private static byte[] WithoutCards(byte[] body, List<string> cards)
    {
        JsonNode? root;
        try
        {
            root = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }
        if (root is null)
        {
            return body;
        }
        Strip(root, cards);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Strip(JsonNode node, List<string> cards)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey(CardField))
                {
                    cards.Add(obj[CardField]?.ToJsonString() ?? "null");
                    obj.Remove(CardField);
                }
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        Strip(child, cards);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Strip(child, cards);
                }
                break;
        }
    }
}
