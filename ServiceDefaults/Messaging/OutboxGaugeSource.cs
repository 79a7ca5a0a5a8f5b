using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// Measures the service's outbox: how many messages wait for the broker and how old the oldest is, on the service's own
/// clock (the one that stamped them).
/// </summary>
public sealed class OutboxGaugeSource<TDb>(TimeProvider clock) : IGaugeSource where TDb : DbContext
{
    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TDb>();
        // Deferred messages wait by design (for an earlier event) and are counted by reseller.messages.deferred instead.
        var waiting = await db.Set<OutboxMessage>().Where(m => m.PublishedAt == null && m.NotBefore == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.CreatedAt) })
            .SingleOrDefaultAsync(cancellationToken); // One group or none; First without an order made EF warn at every start.
        PlatformMetrics.OutboxPendingReadings.Set(waiting?.Count ?? 0);
        PlatformMetrics.OutboxOldestAgeReadings.Set(waiting is null ? 0 : Math.Max(0, (clock.GetUtcNow() - waiting.Oldest).TotalSeconds));
    }
}
