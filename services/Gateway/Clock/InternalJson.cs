using System.Text.Json;

using Reseller.ServiceDefaults.Http;

namespace Reseller.Gateway.Clock;

internal static class InternalJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Apply(options);
        return options;
    }
}
