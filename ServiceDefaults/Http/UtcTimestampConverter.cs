using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reseller.ServiceDefaults.Http;

/// <summary>Timestamps on the wire are ISO-8601 UTC to the second, as docs/api.md shows: 2026-11-23T18:40:05Z.</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTimeOffset(out var value) ? value : throw new JsonException("Expected an ISO-8601 timestamp such as 2026-11-23T18:40:05Z.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
