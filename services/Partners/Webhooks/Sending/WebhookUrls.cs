using System.Net;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// Checks an endpoint URL at registration: absolute http(s), no credentials; in Production https only and no literal or
/// resolved address that <see cref="BlockedAddresses"/> refuses (checked again at each connection, against DNS rebinding).
/// </summary>
public static class WebhookUrls
{
    public const int MaxLength = 2048;

    /// <summary>Null when acceptable, otherwise why not.</summary>
    public static async Task<string?> RefusalAsync(string? url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"url must be an absolute http or https URL of at most {MaxLength} characters.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "url must carry neither credentials nor a fragment.";
        }
        if (allowPrivate)
        {
            return null;
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "url must use https.";
        }
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return "url's host does not resolve.";
            }
        }
        return addresses.Length == 0 || addresses.Any(BlockedAddresses.IsBlocked)
            ? "url must not point to a loopback, private, link-local or metadata address."
            : null;
    }
}
