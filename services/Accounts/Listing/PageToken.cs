using System.Buffers.Text;
using System.Text.Json;

namespace Reseller.Accounts.Listing;

/// <summary>An opaque keyset position: the sort and the sort key of the last row of the previous page.</summary>
public sealed record PageToken(string Sort, bool Descending, string? Name, int Contacts, int Seats, DateTimeOffset At, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string value, out PageToken token)
    {
        token = null!;
        try
        {
            if (value.Length > 1000)
            {
                return false;
            }
            var decoded = JsonSerializer.Deserialize<PageToken>(Base64Url.DecodeFromChars(value));
            if (decoded?.Sort is null)
            {
                return false;
            }
            token = decoded;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
