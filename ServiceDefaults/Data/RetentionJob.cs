using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Mail.Outbox;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Purges the platform tables of rows past their window: published outbox messages, consumed inbox messages, idempotency
/// records, and sent mail envelopes where the service has a mail outbox. Unpublished and unsent rows always stay. Windows
/// count in real time: the sandbox clock only moves forward, and must not age rows written a minute ago by real time.
/// </summary>
public sealed class RetentionJob<TDb>(TDb db, RetentionSchedule schedule, IOptions<RetentionOptions> options) : IDueJob where TDb : DbContext
{
    private const int BatchSize = 5000;

    public string Name => "retention";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var realNow = DateTimeOffset.UtcNow;
        if (!schedule.TryStart(realNow))
        {
            return 0;
        }
        var reference = now < realNow ? now : realNow;
        var windows = options.Value;
        var idempotencyWindow = windows.IdempotencyKeys > IdempotencyRecord.Lifetime ? windows.IdempotencyKeys : IdempotencyRecord.Lifetime;

        var outboxCutoff = reference - windows.PublishedOutbox;
        var purged = await InBatchesAsync(() => db.Database.ExecuteSqlAsync(
            $"DELETE FROM outbox_messages WHERE ctid = ANY(ARRAY(SELECT ctid FROM outbox_messages WHERE published_at < {outboxCutoff} LIMIT {BatchSize}))",
            cancellationToken));
        var inboxCutoff = reference - windows.ConsumedInbox;
        purged += await InBatchesAsync(() => db.Database.ExecuteSqlAsync(
            $"DELETE FROM inbox_messages WHERE ctid = ANY(ARRAY(SELECT ctid FROM inbox_messages WHERE processed_at < {inboxCutoff} LIMIT {BatchSize}))",
            cancellationToken));
        var idempotencyCutoff = reference - idempotencyWindow;
        purged += await InBatchesAsync(() => db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(SELECT ctid FROM idempotency_keys WHERE created_at < {idempotencyCutoff} LIMIT {BatchSize}))",
            cancellationToken));
        if (db.Model.FindEntityType(typeof(QueuedMail)) is not null)
        {
            var mailCutoff = reference - windows.SentMail;
            purged += await InBatchesAsync(() => db.Database.ExecuteSqlAsync(
                $"DELETE FROM mail_outbox WHERE ctid = ANY(ARRAY(SELECT ctid FROM mail_outbox WHERE sent_at < {mailCutoff} OR abandoned_at < {mailCutoff} LIMIT {BatchSize}))",
                cancellationToken));
        }
        return purged;
    }

    private static async Task<int> InBatchesAsync(Func<Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch();
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }
}
