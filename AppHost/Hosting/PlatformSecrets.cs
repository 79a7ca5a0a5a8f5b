using System.Buffers.Text;
using System.Security.Cryptography;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

/// <summary>The operator's key: from configuration, or generated once into .data/admin-key (<see cref="AdminKeyCreated"/> on that first start only).</summary>
internal sealed record PlatformSecrets(string AdminKey, string? AdminKeyFile, bool AdminKeyCreated)
{
    /// <summary>Keys the idempotency store's request hashes (Reseller:Idempotency:Secret), generated once like the admin key.</summary>
    public string IdempotencySecret { get; init; } = "";

    /// <summary>Encrypts each service's Data Protection keys where they are stored (Reseller:DataProtection:KeyEncryptionKey), generated once like the admin key.</summary>
    public string KeyEncryptionKey { get; init; } = "";

    public static PlatformSecrets Load(IConfiguration configuration, string dataDirectory)
    {
        var idempotencySecret = Generated(configuration, "Reseller:Idempotency:Secret", Path.Combine(dataDirectory, "idempotency-secret"));

        var keyEncryptionKey = Generated(configuration, "Reseller:DataProtection:KeyEncryptionKey", Path.Combine(dataDirectory, "data-protection-key-encryption-key"));

        var adminKey = configuration["Reseller:AdminKey"];
        if (!string.IsNullOrWhiteSpace(adminKey))
        {
            return new PlatformSecrets(adminKey, null, AdminKeyCreated: false) { IdempotencySecret = idempotencySecret, KeyEncryptionKey = keyEncryptionKey };
        }

        var adminKeyFile = Path.Combine(dataDirectory, "admin-key");
        var stored = SecretFile.LoadOrCreate(adminKeyFile, static () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        return new PlatformSecrets(stored.Value, adminKeyFile, stored.Created) { IdempotencySecret = idempotencySecret, KeyEncryptionKey = keyEncryptionKey };
    }

    /// <summary>The configured secret, else 256 random bits generated into <paramref name="file"/> on the first start.</summary>
    private static string Generated(IConfiguration configuration, string setting, string file) =>
        configuration[setting] is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : SecretFile.LoadOrCreate(file, static () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Value;
}
