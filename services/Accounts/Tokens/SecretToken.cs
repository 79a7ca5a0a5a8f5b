using System.Security.Cryptography;
using System.Text;

namespace Reseller.Accounts.Tokens;

/// <summary>Random one-time secrets for links (invitations, resets, log-in-as): only their SHA-256 hash is stored.</summary>
public static class SecretToken
{
    public const int MaxLength = 100;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
