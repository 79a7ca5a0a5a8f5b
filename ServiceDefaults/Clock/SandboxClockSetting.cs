using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.Clock;

/// <summary>
/// Clock:Sandbox turns on the operator's movable clock (POST /api/v1/admin/clock); it defaults to on everywhere but in
/// Production, and Production refuses to start with it on: a moved clock would renew, charge and expire for real.
/// </summary>
public static class SandboxClockSetting
{
    public const string Key = "Clock:Sandbox";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment)
    {
        var on = configuration.GetValue(Key, !environment.IsProduction());
        if (on && environment.IsProduction())
        {
            throw new InvalidOperationException($"Production refuses to start with the sandbox clock: set {Key} to false (or leave it unset).");
        }
        return on;
    }
}
