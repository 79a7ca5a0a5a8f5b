using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

/// <summary>
/// Where people reach the system: <c>Reseller__PublicUrl</c> when set, else the address of the project with a public HTTP
/// endpoint (the gateway). Every service gets it, so the links they mail open the dashboard behind that address.
/// </summary>
internal static class PublicAddress
{
    public const string Variable = "Reseller__PublicUrl";

    public static string? Of(IConfiguration configuration, string? publicProjectUrl) =>
        configuration["Reseller:PublicUrl"] is { Length: > 0 } configured ? configured : publicProjectUrl;
}
