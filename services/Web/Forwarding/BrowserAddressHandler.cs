using Reseller.ServiceDefaults.Forwarding;

namespace Reseller.Web.Forwarding;

/// <summary>
/// Every call to the gateway names the browser it is made for (X-Forwarded-For) with the forwarding secret, so the gateway
/// limits each browser's sign-ins on its own rather than every browser's together as this replica's address.
/// </summary>
public sealed class BrowserAddressHandler(IHttpContextAccessor httpContext, IConfiguration configuration) : DelegatingHandler
{
    private readonly string? secret = ClientAddressForwarding.SecretFrom(configuration);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Outside a request (an interactive circuit's later events) there is no browser address to give: the call is then
        // limited by its credential anyway.
        if (secret is not null && httpContext.HttpContext?.Connection.RemoteIpAddress is { } browser)
        {
            request.Headers.Remove(ClientAddressForwarding.ForwardedForHeader);
            request.Headers.TryAddWithoutValidation(ClientAddressForwarding.ForwardedForHeader, browser.ToString());
            request.Headers.TryAddWithoutValidation(ClientAddressForwarding.SecretHeader, secret);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
