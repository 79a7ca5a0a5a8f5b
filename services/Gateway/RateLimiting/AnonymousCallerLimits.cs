using System.Threading.RateLimiting;

namespace Reseller.Gateway.RateLimiting;

/// <summary>
/// The 429 of docs/api.md for calls made without a credential (logins, password resets, link and invitation redemptions, referral
/// signups): each client address gets a number of them per minute, so nobody can try passwords across many logins, flood
/// mailboxes with reset links or mass-create signups. Behind a proxy the client address comes from forwarded headers
/// (ASPNETCORE_FORWARDEDHEADERS_ENABLED), believed only from <see cref="TrustedProxies"/>. Calls with a credential are
/// limited per partner instead (<see cref="CredentialCallerLimits"/>).
/// </summary>
public static class AnonymousCallerLimits
{
    public const string Policy = "anonymous-callers";
    public const string Setting = "Gateway:AnonymousRequestsPerMinute";
    public const int DefaultPerMinute = 60;

    public static IServiceCollection AddAnonymousCallerLimits(this IServiceCollection services, int perMinute) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = TooManyRequests.RejectAsync;
        });
}
