using Reseller.ServiceDefaults.Auth;

namespace Reseller.Partners.ApiKeys;

/// <summary>
/// A key is <c>rsk_</c> plus a <see cref="RandomSecret"/>, kept as its SHA-256; the gateway recognises keys by the prefix.
/// </summary>
public sealed record ApiKeySecret(string Key, string Prefix, string Hash)
{
    public const string KeyPrefix = "rsk_";
    private const int VisiblePrefixLength = 12;

    public static ApiKeySecret New()
    {
        var key = RandomSecret.New(KeyPrefix);
        return new ApiKeySecret(key, key[..VisiblePrefixLength], RandomSecret.HashOf(key));
    }

    public static bool LooksLikeKey(string? value) => value is { Length: > 20 and < 200 } && value.StartsWith(KeyPrefix, StringComparison.Ordinal);
}
