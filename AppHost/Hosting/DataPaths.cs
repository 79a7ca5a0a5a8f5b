using System.Security.Cryptography;
using System.Text;

namespace Reseller.AppHost.Hosting;

internal static class DataPaths
{
    // A short stable tag per data directory: names the RabbitMQ node and the /var/tmp fallback.
    public static string Tag(string dataDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        return Convert.ToHexStringLower(hash)[..10];
    }
}
