using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

public static class Inbox
{
    /// <summary>
    /// Runs a consumer's effect exactly once per message: the inbox row and the effect (including any outbox messages it
    /// writes) commit in one transaction; a redelivery finds the row and does nothing. Returns false for a duplicate.
    /// </summary>
    public static async Task<bool> ConsumeOnceAsync<TMessage>(
        this DbContext db,
        ConsumeContext<TMessage> context,
        string consumer,
        Func<CancellationToken, Task> effect) where TMessage : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be de-duplicated.");
        var cancellationToken = context.CancellationToken;
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 0)
        {
            PlatformMetrics.InboxDuplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await effect(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
