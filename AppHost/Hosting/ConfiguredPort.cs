using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

internal static class ConfiguredPort
{
    public static int? Read(IConfiguration configuration, string section)
    {
        var value = configuration[$"{section}:Port"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new DistributedApplicationException($"{section}__Port must be a port number, not '{value}'");
        }

        return port;
    }

    public static string Section(string resourceName) =>
        string.Concat(char.ToUpperInvariant(resourceName[0]).ToString(), resourceName[1..]);
}
