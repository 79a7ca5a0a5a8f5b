using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.Data;

/// <summary>When this process last purged the platform tables; the due-job runner ticks far more often than a purge is useful.</summary>
public sealed class RetentionSchedule(IOptions<RetentionOptions> options)
{
    private readonly Lock gate = new();
    private DateTimeOffset nextRun = DateTimeOffset.MinValue;

    public bool TryStart(DateTimeOffset now)
    {
        lock (gate)
        {
            if (now < nextRun)
            {
                return false;
            }
            nextRun = now + options.Value.Interval;
            return true;
        }
    }
}
