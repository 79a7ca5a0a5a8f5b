using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Npgsql;

using Reseller.AppHost;

namespace Reseller.CreditsBenchmark;

/// <summary>A partner owner's token signed with Partners' own current key (ES256), read from its database.</summary>
public static class PartnerTokens
{
    public static async Task<string> SignAsync(DistributedApplication app, Guid partnerId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(app.GetEndpoint(ResellerResources.Partners.Name), "/.well-known/jwks.json"), cancellationToken)).EnsureSuccessStatusCode();
        await using var connection = new NpgsqlConnection(app.GetConnectionString(ResellerResources.PartnersDb));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, private_key FROM signing_keys ORDER BY created_at DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (keyId, privateKey) = (reader.GetString(0), (byte[])reader[1]);

        var now = DateTimeOffset.UtcNow;
        var header = new { alg = "ES256", typ = "JWT", kid = keyId };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "partners",
            ["aud"] = "reseller-api",
            ["sub"] = Guid.NewGuid().ToString(),
            ["partner_id"] = partnerId.ToString(),
            ["role"] = "owner",
            ["kind"] = "partner_user",
            ["sv"] = "0",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
        };
        var unsigned = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
        return $"{unsigned}.{Encode(ecdsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
