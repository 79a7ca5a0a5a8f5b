using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reseller.EndToEndTests.Flows.Credits;

/// <summary>
/// An account-scoped token as the platform issues them (HS256 with the AppHost's signing key), for the product's own
/// calls; minted here so the credits flows do not depend on how Accounts' login works.
/// </summary>
public static class AccountTokens
{
    public static string For(string signingKey, string publicAccountId)
    {
        var accountId = Guid.ParseExact(publicAccountId["acc_".Length..], "N");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "HS256", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "reseller",
            ["aud"] = "reseller-api",
            ["sub"] = "admin",
            ["account_id"] = accountId.ToString(),
            ["kind"] = "account_user",
            ["iat"] = now,
            ["nbf"] = now - 5,
            // Far ahead: other tests move the sandbox clock forward by months.
            ["exp"] = now + 3600L * 24 * 3650,
        };
        var unsigned = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
