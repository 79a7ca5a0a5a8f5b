using System.Security.Cryptography;
using System.Text;

namespace Reseller.Partners.ApiKeys;

/// <summary>
/// A key is <c>rsk_</c> plus 256 random bits (base64url). Such a secret cannot be guessed, so a fast SHA-256 is the right
/// hash (a slow password hash would only slow every API call down); the gateway recognises keys by the prefix.
/// </summary>
public sealed record ApiKeySecret(string Key, string Prefix, string Hash)
{
    public const string KeyPrefix = "rsk_";
    private const int VisiblePrefixLength = 12;

    public static ApiKeySecret New()
    {
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new ApiKeySecret(key, key[..VisiblePrefixLength], HashOf(key));
    }

    public static bool LooksLikeKey(string? value) => value is { Length: > 20 and < 200 } && value.StartsWith(KeyPrefix, StringComparison.Ordinal);

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
