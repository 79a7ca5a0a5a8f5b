namespace Reseller.Gateway.RateLimiting;

public static class ClientAddress
{
    /// <summary>The caller's address (a trusted proxy's X-Forwarded-For already applied).</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
