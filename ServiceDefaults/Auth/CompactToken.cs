using System.Buffers.Text;
using System.Text.Json;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// Top-level string members of a compact JWS (header.payload.signature), read from its decoded parts without building the
/// token or its claims: the issuer and key id the key lookup needs before validation, on every request (reading the token
/// whole there as well was a quarter of a request's token work under the read load), and a claim the dashboard shapes its
/// pages by. Nothing read here is trusted: the token is validated where it is used.
/// </summary>
public static class CompactToken
{
    // Far above a platform token's parts (header ~80, payload ~500 characters); a longer one is not read.
    private const int MaxPartLength = 4096;

    /// <summary>The payload's issuer (false without one) and the header's key id.</summary>
    public static bool TryReadIssuerAndKey(ReadOnlySpan<char> token, out string? issuer, out string? keyId)
    {
        issuer = null;
        keyId = null;
        if (!TrySplit(token, out var header, out var payload))
        {
            return false;
        }
        keyId = StringMember(token[header], "kid");
        issuer = StringMember(token[payload], "iss");
        return issuer is not null;
    }

    /// <summary>The payload's top-level string claim <paramref name="name"/>, or null.</summary>
    public static string? PayloadString(ReadOnlySpan<char> token, string name) =>
        TrySplit(token, out _, out var payload) ? StringMember(token[payload], name) : null;

    private static bool TrySplit(ReadOnlySpan<char> token, out Range header, out Range payload)
    {
        header = default;
        payload = default;
        var headerEnd = token.IndexOf('.');
        var payloadLength = headerEnd < 0 ? -1 : token[(headerEnd + 1)..].IndexOf('.');
        if (headerEnd <= 0 || payloadLength <= 0 || token[(headerEnd + 1 + payloadLength + 1)..].Contains('.'))
        {
            return false;
        }
        header = ..headerEnd;
        payload = (headerEnd + 1)..(headerEnd + 1 + payloadLength);
        return true;
    }

    /// <summary>The top-level string member <paramref name="name"/> of a base64url-encoded JSON object, or null.</summary>
    private static string? StringMember(ReadOnlySpan<char> part, string name)
    {
        if (part.Length > MaxPartLength || !Base64Url.IsValid(part, out var length))
        {
            return null;
        }
        Span<byte> json = stackalloc byte[length];
        Base64Url.DecodeFromChars(part, json);
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var wanted = reader.ValueTextEquals(name);
                if (!reader.Read())
                {
                    return null;
                }
                if (wanted)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
