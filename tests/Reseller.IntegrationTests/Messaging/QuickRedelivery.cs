using System.Globalization;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// Retry and redelivery settings under which a test sees a waiting message through its immediate retries in well under a
/// second (not the 14 s of the defaults), then deferred and redelivered within seconds.
/// </summary>
public static class QuickRedelivery
{
    public static Dictionary<string, string?> Settings(int maxDeferrals = 15) => new()
    {
        [$"{ConsumerRetry.Section}:MinInterval"] = "00:00:00.05",
        [$"{ConsumerRetry.Section}:MaxInterval"] = "00:00:00.2",
        [$"{ConsumerRetry.Section}:IntervalDelta"] = "00:00:00.05",
        [$"{RedeliverySettings.Section}:FirstDelay"] = "00:00:01",
        [$"{RedeliverySettings.Section}:MaxDelay"] = "00:00:02",
        [$"{RedeliverySettings.Section}:MaxDeferrals"] = maxDeferrals.ToString(CultureInfo.InvariantCulture),
    };
}
