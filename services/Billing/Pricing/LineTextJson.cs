using System.Text.Json;

namespace Reseller.Billing.Pricing;

/// <summary>A <see cref="LineText"/> as an invoice line stores it: JSON naming its kind.</summary>
public static class LineTextJson
{
    public static string? Write(LineText? text) => text is null ? null : JsonSerializer.Serialize(text);

    /// <summary>The line's text, or null for a line issued before lines kept theirs (or whose text cannot be read).</summary>
    public static LineText? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<LineText>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
