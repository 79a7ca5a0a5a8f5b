using System.Text.Json;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.InternalCalls;

/// <summary>A callee's 4xx problem+json answer, to be answered to our own caller as the same problem.</summary>
internal static class ProblemRelay
{
    public const string FallbackSlug = "rejected";

    public static ProblemException? TryRead(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var problem = document.RootElement;
            if (problem.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var type = Text(problem, "type") ?? "";
            var slug = type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal) ? type[ProblemTypes.BaseUri.Length..] : FallbackSlug;
            return new ProblemException(status, slug, Text(problem, "title") ?? "The request was refused.", Text(problem, "detail"), Errors(problem));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string[]>? Errors(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().ToDictionary(
                e => e.Name,
                e => e.Value.ValueKind == JsonValueKind.Array
                    ? e.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray()
                    : [])
            : null;
}
