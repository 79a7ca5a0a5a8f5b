using Polly;

namespace Reseller.ServiceDefaults.Problems;

/// <summary>
/// A call to another service that could not be made (no replica answered, every circuit open, timed out): the request
/// did nothing wrong, so it is answered 503 with Retry-After, never 500.
/// </summary>
public static class DependencyFailures
{
    public const string Slug = "dependency-unavailable";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsDependencyFailure(Exception exception, bool requestAborted)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ExecutionRejectedException:
                case HttpRequestException:
                case TaskCanceledException { InnerException: TimeoutException } when !requestAborted:
                    return true;
            }
        }
        return false;
    }

    public static ProblemException Unavailable() =>
        new(503, Slug, "A service this request needs is unavailable; try again shortly.") { RetryAfter = RetryAfter };
}
