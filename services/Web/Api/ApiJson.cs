using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reseller.Web.Api;

/// <summary>The API's JSON conventions: snake_case names, nulls left out of requests.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
