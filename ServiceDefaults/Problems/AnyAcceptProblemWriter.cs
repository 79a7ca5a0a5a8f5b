using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.Problems;

/// <summary>
/// Writes the problem when the default writer declines because the client did not ask for JSON (an invoice download asks
/// for text/csv): an error is problem+json whatever was accepted, never a text/plain status line or, for an exception
/// mapped to 404, a 500 from the exception handler middleware.
/// </summary>
public sealed class AnyAcceptProblemWriter(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
