using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.RateLimiting;

/// <summary>The 429 of docs/api.md: problem+json <c>rate-limited</c> with <c>Retry-After</c> in whole seconds.</summary>
public static class TooManyRequests
{
    public static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var title = context.HttpContext.User.Identity?.IsAuthenticated == true
            ? "Too many requests with this credential."
            : "Too many requests without a credential from this address.";
        return new ValueTask(WriteAsync(context.HttpContext, wait, title));
    }

    public static async Task WriteAsync(HttpContext http, TimeSpan wait, string title)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.Uri("rate-limited"),
                Title = title,
                Detail = $"Try again in {seconds} seconds.",
                Extensions = { ["retry_after_seconds"] = seconds },
            },
        });
    }
}
