using System.Buffers.Text;
using System.Security.Cryptography;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

/// <summary>The operator's key: from configuration, or generated once into .data/admin-key (<see cref="AdminKeyCreated"/> on that first start only).</summary>
internal sealed record PlatformSecrets(string AdminKey, string? AdminKeyFile, bool AdminKeyCreated)
{
    public static PlatformSecrets Load(IConfiguration configuration, string dataDirectory)
    {
        string? adminKey = configuration["Reseller:AdminKey"];
        if (!string.IsNullOrWhiteSpace(adminKey))
        {
            return new PlatformSecrets(adminKey, null, AdminKeyCreated: false);
        }

        string adminKeyFile = Path.Combine(dataDirectory, "admin-key");
        StoredSecret stored = SecretFile.LoadOrCreate(adminKeyFile, static () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        return new PlatformSecrets(stored.Value, adminKeyFile, stored.Created);
    }
}
