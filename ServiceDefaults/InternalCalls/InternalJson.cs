using System.Text.Json;
using System.Text.Json.Serialization;

using Reseller.ServiceDefaults.Http;

namespace Reseller.ServiceDefaults.InternalCalls;

/// <summary>The JSON of calls between services: the API's own conventions, reading past members a newer callee adds.</summary>
public static class InternalJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Apply(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
