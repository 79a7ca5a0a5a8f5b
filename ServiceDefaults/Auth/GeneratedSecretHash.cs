using System.Security.Cryptography;
using System.Text;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// The stored hash of a password this code generated (never one a human chose): with at least 128 random bits it cannot be
/// guessed, so SHA-256 protects it as well as PBKDF2 would (as for API keys and link tokens), without PBKDF2's cost on the
/// request that creates it. The prefix cannot start a PBKDF2 hash (base64 has no '$'), so a login tells the two apart.
/// </summary>
public static class GeneratedSecretHash
{
    public const string Prefix = "$sha256$";

    /// <summary>Below this a secret could be guessed offline from a fast hash: such a one needs the slow password hash.</summary>
    public const double MinimumEntropyBits = 128;

    public static string Of(string secret, double entropyBits)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(entropyBits, MinimumEntropyBits);
        return Prefix + RandomSecret.HashOf(secret);
    }

    public static bool IsOne(string? storedHash) => storedHash is not null && storedHash.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Matches(string storedHash, string secret) =>
        IsOne(storedHash) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(storedHash[Prefix.Length..]), Encoding.ASCII.GetBytes(RandomSecret.HashOf(secret)));
}
