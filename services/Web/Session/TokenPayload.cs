using System.Buffers.Text;
using System.Text.Json;

namespace Reseller.Web.Session;

/// <summary>
/// Reads one claim of a token the API just issued to us, only to shape the pages (the user's role). Nothing is decided on
/// it: the API checks the token on every call.
/// </summary>
public static class TokenPayload
{
    public static string? Read(string jwt, string claim)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
