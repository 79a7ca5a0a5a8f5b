using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Npgsql;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// Signs a token as an issuing service does (ES256 with its current key, read from its own database), for flows that need
/// a token whose login is not what they test.
/// </summary>
public static class IssuerSignedTokens
{
    /// <summary>Signs as <paramref name="issuer"/>, with its own key unless <paramref name="keyOf"/> names another service (a forgery).</summary>
    public static async Task<string> SignAsync(
        ResellerSystem system, string issuer, Dictionary<string, object> claims, DateTimeOffset now, TimeSpan lifetime, string? keyOf = null)
    {
        var (keyId, privateKey) = await CurrentKeyAsync(system, keyOf ?? issuer);
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = issuer,
            ["aud"] = "reseller-api",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
        };
        return Sign(new { alg = "ES256", typ = "JWT", kid = keyId }, payload, privateKey);
    }

    public static string Sign(object header, object payload, byte[] pkcs8PrivateKey)
    {
        var unsigned = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8PrivateKey, out _);
        var signature = ecdsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{unsigned}.{Encode(signature)}";
    }

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<(string KeyId, byte[] PrivateKey)> CurrentKeyAsync(ResellerSystem system, string issuer)
    {
        // Asking for the JWKS makes the issuer create its first key if it has none yet.
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(system.App.GetEndpoint(issuer), "/.well-known/jwks.json"))).EnsureSuccessStatusCode();
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString($"{issuer}db"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, private_key FROM signing_keys ORDER BY created_at DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), (byte[])reader[1]);
    }
}
