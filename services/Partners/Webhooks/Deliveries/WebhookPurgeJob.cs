using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Partners.Webhooks.Deliveries;

/// <summary>
/// Deletes deliveries (and their attempts) older than 30 days, whatever their status. Counted in real time, as the platform
/// retention is: the sandbox clock only moves forward and must not age a delivery queued a minute ago.
/// </summary>
public sealed class WebhookPurgeJob(PartnersDb db) : IDueJob
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private const int BatchSize = 5000;

    public string Name => "webhook_purge";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var realNow = DateTimeOffset.UtcNow;
        var cutoff = (now < realNow ? now : realNow) - Window;
        var purged = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlAsync($"""
                WITH old AS (SELECT id FROM webhook_deliveries WHERE created_at < {cutoff} LIMIT {BatchSize}),
                     attempts AS (DELETE FROM webhook_attempts a USING old WHERE a.delivery_id = old.id)
                DELETE FROM webhook_deliveries d USING old WHERE d.id = old.id
                """, cancellationToken);
            purged += deleted;
        }
        while (deleted == BatchSize);
        return purged;
    }
}
