using System.Buffers.Text;
using System.Security.Cryptography;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

/// <summary>The operator's key: from configuration, or generated once into .data/admin-key (<see cref="AdminKeyCreated"/> on that first start only).</summary>
internal sealed record PlatformSecrets(string AdminKey, string? AdminKeyFile, bool AdminKeyCreated)
{
    /// <summary>Keys the idempotency store's request hashes (Reseller:Idempotency:Secret), generated once like the admin key.</summary>
    public string IdempotencySecret { get; init; } = "";

    public static PlatformSecrets Load(IConfiguration configuration, string dataDirectory)
    {
        var idempotencySecret = configuration["Reseller:Idempotency:Secret"];
        if (string.IsNullOrWhiteSpace(idempotencySecret))
        {
            idempotencySecret = SecretFile.LoadOrCreate(Path.Combine(dataDirectory, "idempotency-secret"), static () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Value;
        }

        var adminKey = configuration["Reseller:AdminKey"];
        if (!string.IsNullOrWhiteSpace(adminKey))
        {
            return new PlatformSecrets(adminKey, null, AdminKeyCreated: false) { IdempotencySecret = idempotencySecret };
        }

        var adminKeyFile = Path.Combine(dataDirectory, "admin-key");
        var stored = SecretFile.LoadOrCreate(adminKeyFile, static () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        return new PlatformSecrets(stored.Value, adminKeyFile, stored.Created) { IdempotencySecret = idempotencySecret };
    }
}
