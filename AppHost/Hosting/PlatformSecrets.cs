using System.Buffers.Text;
using System.Security.Cryptography;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

internal sealed record PlatformSecrets(string AdminKey, string JwtSigningKey, string? AdminKeyFile)
{
    /// <summary>Keys the idempotency store's request hashes (Reseller:Idempotency:Secret), generated once like the others.</summary>
    public string IdempotencySecret { get; init; } = "";

    public static PlatformSecrets Load(IConfiguration configuration, string dataDirectory)
    {
        string? adminKey = configuration["Reseller:AdminKey"];
        string? adminKeyFile = null;
        if (string.IsNullOrWhiteSpace(adminKey))
        {
            adminKeyFile = Path.Combine(dataDirectory, "admin-key");
            adminKey = SecretFile.LoadOrCreate(adminKeyFile, static () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))).Value;
        }

        string? signingKey = configuration["Reseller:Jwt:SigningKey"];
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            signingKey = SecretFile.LoadOrCreate(Path.Combine(dataDirectory, "jwt-signing-key"), static () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).Value;
        }

        string? idempotencySecret = configuration["Reseller:Idempotency:Secret"];
        if (string.IsNullOrWhiteSpace(idempotencySecret))
        {
            idempotencySecret = SecretFile.LoadOrCreate(Path.Combine(dataDirectory, "idempotency-secret"), static () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Value;
        }

        return new PlatformSecrets(adminKey, signingKey, adminKeyFile) { IdempotencySecret = idempotencySecret };
    }
}
