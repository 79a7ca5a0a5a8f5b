using System.Net;
using System.Net.Sockets;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>Addresses a Production webhook never reaches: loopback, private, link-local (cloud metadata), and the like.</summary>
public static class BlockedAddresses
{
    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // fc00::/7 unique local; fe80::/10 link-local; fd00:ec2::254 (AWS metadata) falls in fc00::/7.
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC || address.IsIPv6Multicast;
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127, // carrier-grade NAT
            169 => b[1] == 254, // link-local, 169.254.169.254 metadata
            172 => b[1] >= 16 && b[1] <= 31,
            192 => (b[1] == 168) || (b[1] == 0 && (b[2] == 0 || b[2] == 2)),
            198 => b[1] == 18 || b[1] == 19,
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}
