using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reseller.AppHost.RabbitMq;

/// <summary>
/// The definitions a local broker imports when it starts: the guest user, the default virtual host and the extra ones asked
/// for, the guest allowed everything on each. The guest user and "/" are declared too, so the broker has them whether or not
/// it also seeds its defaults on a first start with definitions to import.
/// </summary>
internal static class BootDefinitions
{
    public const string User = "guest";

    private static readonly string[] UserTags = ["administrator"];

    public static string Json(IReadOnlyList<string> virtualHosts)
    {
        string[] hosts = ["/", .. virtualHosts.Where(h => h != "/")];
        return JsonSerializer.Serialize(new
        {
            users = new[]
            {
                new { name = User, password_hash = PasswordHash(User), hashing_algorithm = "rabbit_password_hashing_sha256", tags = UserTags },
            },
            vhosts = hosts.Select(name => new { name }),
            permissions = hosts.Select(vhost => new { user = User, vhost, configure = ".*", write = ".*", read = ".*" }),
        });
    }

    /// <summary>RabbitMQ's salted SHA-256 form: base64 of a 4-byte salt followed by SHA-256(salt + password).</summary>
    private static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        byte[] salted = [.. salt, .. Encoding.UTF8.GetBytes(password)];
        return Convert.ToBase64String([.. salt, .. SHA256.HashData(salted)]);
    }
}
