using System.Net;

using Reseller.ServiceDefaults.Forwarding;

namespace Reseller.Gateway.RateLimiting;

/// <summary>
/// Runs first: a call from a dashboard replica (it carries the forwarding secret, <see cref="ClientAddressForwarding"/>) is
/// limited as its browser's address from X-Forwarded-For; any other caller's X-Forwarded-For is ignored, so nobody can pick
/// the address they are limited as. The secret header never travels on to the services.
/// </summary>
public sealed class ForwardedClientAddress(RequestDelegate next, IConfiguration configuration)
{
    private readonly string? secret = ClientAddressForwarding.SecretFrom(configuration);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var presented = headers[ClientAddressForwarding.SecretHeader].ToString();
        headers.Remove(ClientAddressForwarding.SecretHeader);
        if (ClientAddressForwarding.Matches(presented, secret)
            && LastAddress(headers[ClientAddressForwarding.ForwardedForHeader].ToString()) is { } browser)
        {
            context.Connection.RemoteIpAddress = browser;
        }
        return next(context);
    }

    /// <summary>The address the dashboard appended last (the one it saw), never what the browser itself may have claimed before it.</summary>
    private static IPAddress? LastAddress(string forwardedFor)
    {
        var last = forwardedFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return IPAddress.TryParse(last, out var address) ? address : null;
    }
}
