using System.Threading.RateLimiting;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.Gateway.RateLimiting;

/// <summary>
/// Calls with a credential (a partner user's token, an API key, an account user's token) get a number per minute for
/// each partner (an account user's for its account), so one integration cannot starve the others; then the 429 of docs/api.md with
/// Retry-After. The operator is not limited.
/// </summary>
public static class CredentialCallerLimits
{
    public const string Policy = "credential-callers";
    public const string Setting = "Gateway:PartnerRequestsPerMinute";
    public const int DefaultPerMinute = 3000;

    public static IServiceCollection AddCredentialCallerLimits(this IServiceCollection services, int perMinute) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => Partition(context) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("operator"));
            options.OnRejected = TooManyRequests.RejectAsync;
        });

    private static string? Partition(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirst(PlatformClaims.AccountId)?.Value is { Length: > 0 } account)
        {
            return "account:" + account;
        }
        return user.FindFirst(PlatformClaims.PartnerId)?.Value is { Length: > 0 } partner ? "partner:" + partner : null;
    }
}
