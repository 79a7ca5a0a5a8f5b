using System.Buffers.Text;
using System.Security.Cryptography;

using Reseller.AppHost.Hosting;

namespace Reseller.AppHost.Postgres;

internal static class PostgresPassword
{
    public static StoredSecret LoadOrCreate(string dataRoot) =>
        SecretFile.LoadOrCreate(Path.Combine(dataRoot, "postgres-password"), static () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)));
}
