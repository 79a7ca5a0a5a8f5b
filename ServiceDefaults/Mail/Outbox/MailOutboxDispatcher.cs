using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reseller.ServiceDefaults.Queues;

namespace Reseller.ServiceDefaults.Mail.Outbox;

/// <summary>
/// Sends committed mails of the outbox and erases each body once sent. Rows are claimed with FOR UPDATE SKIP LOCKED so
/// replicas share the work; a mail whose send failed waits longer after each failure, and other mails go on meanwhile.
/// A crash between the send and the commit sends that mail again (at least once, as the event consumers did).
/// </summary>
public sealed partial class MailOutboxDispatcher<TDb>(
    IServiceScopeFactory scopes,
    MailOutbox outbox,
    IMailSender sender,
    QueueSignal<QueuedMail> signal,
    TimeProvider clock,
    ILogger<MailOutboxDispatcher<TDb>> logger) : BackgroundService where TDb : DbContext
{
    private const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        QueueDrain.RunAsync(DispatchBatchAsync, BatchSize, signal, PollInterval, LogDispatchFailed, stoppingToken);

    /// <summary>Sends the mails due now; returns how many it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var batch = await db.Set<QueuedMail>()
            .FromSql($"SELECT * FROM mail_outbox WHERE protected_body IS NOT NULL AND next_attempt_at <= {now} ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        foreach (var mail in batch)
        {
            try
            {
                await sender.SendAsync(outbox.Open(mail), cancellationToken);
                mail.MarkSent(clock.GetUtcNow());
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                mail.CountFailure(clock.GetUtcNow());
                LogSendFailed(ex, mail.Id, mail.Attempts, mail.AbandonedAt is not null);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail outbox dispatch failed; will retry")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending queued mail {MailId} failed (attempt {Attempts}; given up: {GivenUp})")]
    private partial void LogSendFailed(Exception exception, long mailId, int attempts, bool givenUp);
}
