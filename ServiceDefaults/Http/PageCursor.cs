using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Reseller.ServiceDefaults.Http;

/// <summary>The one page-token format: the last row's sort position as JSON in base64url, opaque to clients.</summary>
public static class PageCursor
{
    private const int MaxLength = 1000;

    public static string Encode<TPosition>(TPosition position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    public static bool TryDecode<TPosition>(string? token, [NotNullWhen(true)] out TPosition? position)
    {
        position = default;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return false;
        }
        try
        {
            position = JsonSerializer.Deserialize<TPosition>(Base64Url.DecodeFromChars(token));
            return position is not null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }
}
