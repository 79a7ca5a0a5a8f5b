using System.Text.Json;

using Reseller.ServiceDefaults.Http;

namespace Reseller.Accounts.Customization;

/// <summary>Branding, templates and snapshots are stored as jsonb documents in the API's own JSON shape.</summary>
public static class CustomizationJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        ApiConventions.Apply(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
