using System.Net;

namespace Reseller.Gateway.RateLimiting;

/// <summary>
/// With forwarded headers on (ASPNETCORE_FORWARDEDHEADERS_ENABLED), ASP.NET Core believes X-Forwarded-For from anyone, so a
/// caller could name any address and escape the per-address limits. Only the proxies in Gateway:KnownProxies (addresses
/// or CIDR networks, comma-separated) are believed; by default only this machine (loopback).
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Gateway:KnownProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            var configured = (configuration[Setting] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (configured.Length == 0)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
                return;
            }
            foreach (var entry in configured)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
}
