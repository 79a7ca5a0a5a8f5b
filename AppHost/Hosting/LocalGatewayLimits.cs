using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Hosting;

/// <summary>
/// The gateway's rate limits on a local run that is not Production (./run.sh): that run is what an integrator's test suite
/// drives, logging in and calling from one address many times a minute, so the per-address limit on calls without a
/// credential (60 a minute by default) and the per-partner limit (3000) are raised. Published manifests set the gateway's
/// defaults in their settings (SettingsManifests); a value set in the AppHost's configuration (<c>Gateway__AnonymousRequestsPerMinute</c>) wins.
/// </summary>
public static class LocalGatewayLimits
{
    public const int AnonymousPerMinute = 6000;
    public const int PartnerPerMinute = 60000;

    public static IReadOnlyList<KeyValuePair<string, string>> For(string environmentName, IConfiguration configuration) =>
        environmentName == "Production"
            ? []
            :
            [
                new("Gateway__AnonymousRequestsPerMinute", configuration["Gateway:AnonymousRequestsPerMinute"] ?? AnonymousPerMinute.ToString(CultureInfo.InvariantCulture)),
                new("Gateway__PartnerRequestsPerMinute", configuration["Gateway:PartnerRequestsPerMinute"] ?? PartnerPerMinute.ToString(CultureInfo.InvariantCulture)),
            ];
}
