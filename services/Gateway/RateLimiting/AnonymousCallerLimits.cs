using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.RateLimiting;

/// <summary>
/// API.md's 429 for calls made without a credential (logins, password resets, link and invitation redemptions, referral
/// signups): each client address gets a number of them per minute, so nobody can try passwords across many logins, flood
/// mailboxes with reset links or mass-create signups. Behind a proxy the client address comes from forwarded headers
/// (ASPNETCORE_FORWARDEDHEADERS_ENABLED). Calls with a credential are not limited here.
/// </summary>
public static class AnonymousCallerLimits
{
    public const string Policy = "anonymous-callers";
    public const int DefaultPerMinute = 60;

    public static IServiceCollection AddAnonymousCallerLimits(this IServiceCollection services, int perMinute) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = RejectAsync;
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
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
                Title = "Too many requests without a credential from this address.",
                Detail = $"Try again in {seconds} seconds.",
            },
        });
    }
}
