using System.Text.Json;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using Npgsql;

namespace Reseller.ServiceDefaults.Problems;

/// <summary>
/// Maps rule violations, malformed input, database conflicts and unreachable dependencies (503 with Retry-After) to problem
/// details; anything else stays a 500.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DependencyFailures.IsDependencyFailure(exception, httpContext.RequestAborted.IsCancellationRequested))
        {
            logger.LogWarning("A dependency could not be reached: {Error}", exception.Message);
            exception = DependencyFailures.Unavailable();
        }

        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        if (exception is ProblemException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        logger.LogDebug("Request answered {Status} {Type}", problem.Status, problem.Type);
        httpContext.Response.StatusCode = problem.Status ?? 400;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ProblemException p => Describe(p),
        BadHttpRequestException { InnerException: JsonException json } => Malformed(json.Message),
        BadHttpRequestException bad => Malformed(bad.Message, bad.StatusCode),
        JsonException json => Malformed(json.Message),
        DbUpdateConcurrencyException => Problem(409, "concurrent-change", "The resource was changed by another request; fetch it and try again."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            Problem(409, "conflict", "A resource with these values already exists."),
        _ when IsUnstorableText(exception) => Malformed("The request holds a character PostgreSQL cannot store (U+0000) in a field no rule checked."),
        _ => null,
    };

    /// <summary>Text the database refused to store or compare (a NUL character), raised by a query or by a save.</summary>
    private static bool IsUnstorableText(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState
            is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter;

    private static ProblemDetails Describe(ProblemException p)
    {
        var details = Problem(p.Status, p.Type, p.Title, p.Detail);
        if (p.Errors is not null)
        {
            details.Extensions["errors"] = p.Errors;
        }
        if (p.RetryAfter is { } retryAfter)
        {
            // The same figure as the Retry-After header, for a front-end that shows the wait (a lockout's time left).
            details.Extensions["retry_after_seconds"] = RetryAfterSeconds(retryAfter);
        }
        return details;
    }

    private static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    private static ProblemDetails Malformed(string detail, int status = 400) =>
        Problem(status == 413 ? 413 : 400, "malformed-request", "The request body could not be read.", detail);

    private static ProblemDetails Problem(int status, string typeOrSlug, string title, string? detail = null) => new()
    {
        Status = status,
        Type = typeOrSlug.StartsWith("https://", StringComparison.Ordinal) ? typeOrSlug : ProblemTypes.Uri(typeOrSlug),
        Title = title,
        Detail = detail,
    };
}
