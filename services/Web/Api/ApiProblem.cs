namespace Reseller.Web.Api;

/// <summary>An RFC 9457 answer of the API: pages show its title or detail, and its field errors beside their inputs.</summary>
public sealed record ApiProblem(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>The last segment of the type URI (https://reseller.dev/problems/locked-out → locked-out).</summary>
    public string Slug => Type is { Length: > 0 } t ? t[(t.LastIndexOf('/') + 1)..] : string.Empty;

    public string? FieldError(string field) => Errors is not null && Errors.TryGetValue(field, out var messages) ? string.Join(' ', messages) : null;
}
