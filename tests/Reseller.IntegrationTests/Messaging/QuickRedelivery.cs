using System.Globalization;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>Redelivery settings under which a test sees a waiting message deferred and redelivered within seconds.</summary>
public static class QuickRedelivery
{
    public static Dictionary<string, string?> Settings(int maxDeferrals = 15) => new()
    {
        [$"{RedeliverySettings.Section}:FirstDelay"] = "00:00:01",
        [$"{RedeliverySettings.Section}:MaxDelay"] = "00:00:02",
        [$"{RedeliverySettings.Section}:MaxDeferrals"] = maxDeferrals.ToString(CultureInfo.InvariantCulture),
    };
}
