using System.Globalization;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// Retry and redelivery settings under which a test sees a waiting message through its immediate retries in well under a
/// second (not the 14 s of the defaults), then deferred and redelivered within seconds.
/// </summary>
public static class QuickRedelivery
{
    /// <summary>
    /// By default a message may wait about 90 s (1 s, then 2 s each time, 45 times): longer than a test's wait for the outcome
    /// (<see cref="Eventually.Propagation"/>), so a loaded machine fails that wait with its reason rather than sending the
    /// message to the error queue early (15 deferrals, 29 s, ran out beside the scale tests).
    /// </summary>
    public static Dictionary<string, string?> Settings(int maxDeferrals = 45) => new()
    {
        [$"{ConsumerRetry.Section}:MinInterval"] = "00:00:00.05",
        [$"{ConsumerRetry.Section}:MaxInterval"] = "00:00:00.2",
        [$"{ConsumerRetry.Section}:IntervalDelta"] = "00:00:00.05",
        [$"{RedeliverySettings.Section}:FirstDelay"] = "00:00:01",
        [$"{RedeliverySettings.Section}:MaxDelay"] = "00:00:02",
        [$"{RedeliverySettings.Section}:MaxDeferrals"] = maxDeferrals.ToString(CultureInfo.InvariantCulture),
    };
}
