using System.Net;
using System.Net.Sockets;

using Microsoft.Extensions.Options;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// The one HTTP client of deliveries: no redirects, no cookies, no proxy; unless private addresses are allowed, every
/// connection resolves the host itself and refuses a blocked address, so a name that re-resolves to 169.254.169.254 or
/// 10.x after registration (DNS rebinding) is refused at connect time too.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(IOptions<WebhookOptions> options)
    {
        var settings = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = settings.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = Math.Max(settings.PerEndpointConcurrency, 1),
        };
        if (!settings.AllowPrivateAddresses)
        {
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => !BlockedAddresses.IsBlocked(a)).ToArray();
        if (allowed.Length == 0 || allowed.Length != addresses.Length)
        {
            throw new HttpRequestException($"Webhook host {host} resolves to an address that is not public.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
