using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Configuration;

namespace Reseller.ServiceDefaults.Forwarding;

/// <summary>
/// How the dashboard tells the gateway which browser a call is for: X-Forwarded-For with the browser's address, believed only
/// when the call also carries <see cref="SecretHeader"/> with the platform's forwarding secret (every dashboard replica holds
/// it, no outside client does). Every browser then has its own anonymous rate limit instead of sharing the dashboard's.
/// </summary>
public static class ClientAddressForwarding
{
    public const string SecretHeader = "X-Reseller-Forwarding-Secret";
    public const string ForwardedForHeader = "X-Forwarded-For";
    public const string SecretSetting = "Reseller:ForwardingSecret";

    /// <summary>
    /// Reseller:ForwardingSecret, else one derived from the operator's key (which the AppHost gives every process), so no extra
    /// secret has to be distributed; null when neither is set (then nothing forwarded is believed).
    /// </summary>
    public static string? SecretFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[SecretSetting] is { Length: > 0 } configured)
        {
            return configured;
        }
        return configuration["Reseller:AdminKey"] is { Length: > 0 } adminKey
            ? Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(adminKey), "reseller client-address forwarding"u8))
            : null;
    }

    public static bool Matches(string? presented, string? secret) =>
        presented is { Length: > 0 } && secret is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret));
}
