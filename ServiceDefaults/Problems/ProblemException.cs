namespace Reseller.ServiceDefaults.Problems;

/// <summary>A rule the request broke, answered as RFC 9457 problem details with a stable type URI.</summary>
public sealed class ProblemException(
    int status,
    string slug,
    string title,
    string? detail = null,
    IDictionary<string, string[]>? errors = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Type { get; } = ProblemTypes.Uri(slug);
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, string[]>? Errors { get; } = errors;
    public TimeSpan? RetryAfter { get; init; }

    public static ProblemException NotFound(string what) => new(404, "not-found", "Not found", $"No {what} with that id.");
    public static ProblemException Conflict(string slug, string title, string? detail = null) => new(409, slug, title, detail);
    public static ProblemException Unprocessable(string slug, string title, string? detail = null) => new(422, slug, title, detail);
}
