using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// Mints the platform's account-scoped token (kind account_user, account_id, partner_id) with the system's signing key, as
/// Accounts' account login will; valid from the platform clock's now, which the sandbox may have moved forward.
/// </summary>
public static class AccountTokens
{
    public static string Mint(string signingKey, string partnerId, string accountId, DateTimeOffset now) =>
        Sign(signingKey, now, new() { ["kind"] = "account_user", ["account_id"] = Raw(accountId), ["partner_id"] = Raw(partnerId) });

    /// <summary>A partner user with the member role: may manage accounts, never see or spend the partner's money.</summary>
    public static string MintMember(string signingKey, string partnerId, DateTimeOffset now) =>
        Sign(signingKey, now, new() { ["kind"] = "partner_user", ["role"] = "member", ["partner_id"] = Raw(partnerId) });

    private static string Raw(string publicId) => publicId[(publicId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static string Sign(string signingKey, DateTimeOffset now, Dictionary<string, object> claims)
    {
        var header = new { alg = "HS256", typ = "JWT" };
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = "reseller",
            ["aud"] = "reseller-api",
            ["sub"] = "usr_" + Guid.NewGuid().ToString("N"),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        var unsigned = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
