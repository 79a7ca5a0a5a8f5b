using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// The one kind of issued secret (link tokens, API keys): 256 random bits in base64url, kept only as its SHA-256. Such a
/// secret cannot be guessed, so a fast hash is the right one (a slow password hash would only slow every use down).
/// </summary>
public static class RandomSecret
{
    /// <summary>Longer than any secret issued here: a longer one is refused before it is hashed or looked up.</summary>
    public const int MaxLength = 100;

    public static string New(string prefix = "") => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
