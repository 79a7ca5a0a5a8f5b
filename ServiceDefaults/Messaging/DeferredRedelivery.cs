using System.Diagnostics;
using System.Text.Json;

using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// Writes a consumed message back to the outbox, to be sent to the queue it came from (not published: the other services'
/// queues had it already) once its delay has passed, under its own message id, so the inbox still lets it take effect once.
/// A broker without a delayed-message plugin (Debian's RabbitMQ has none) cannot hold it back itself, and a delay kept in
/// memory would be lost with the process. The row is keyed by (message id, deferral number): when the process dies after
/// the row commits and before the broker's ack, the redelivered message is deferred onto the same row, not a second one.
/// </summary>
public sealed partial class DeferredRedelivery<TDb>(
    IServiceScopeFactory scopes,
    IOptions<RedeliverySettings> settings,
    TimeProvider clock,
    ILogger<DeferredRedelivery<TDb>> logger) : IDeferredRedelivery where TDb : DbContext
{
    public bool MayDefer(ConsumeContext context) => OutboxHeaders.DeferralsOf(context) < settings.Value.MaxDeferrals;

    public bool MayWaitAgain(ConsumeContext context) => context.GetRetryAttempt() < ConsumerRetry.ImmediateRetries || MayDefer(context);

    public async Task DeferAsync<T>(ConsumeContext<T> context) where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deferred.");
        var deferral = OutboxHeaders.DeferralsOf(context) + 1;
        var delay = settings.Value.DelayBefore(deferral);
        // Real time, as the dispatcher reads it: a sandbox clock moved by months must not release or hold the message.
        var notBefore = DateTimeOffset.UtcNow + delay;
        var destination = "exchange:" + context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at, attempts, destination, not_before, deferrals)
            VALUES ({messageId}, {Outbox.TypeName<T>()}, {JsonSerializer.Serialize(context.Message)}::jsonb, {Activity.Current?.Id},
                    {clock.GetUtcNow()}, 0, {destination}, {notBefore}, {deferral})
            ON CONFLICT (message_id, deferrals) DO NOTHING
            """, context.CancellationToken);
        PlatformMetrics.MessagesDeferred.Add(1, new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        LogDeferred(messageId, typeof(T).Name, deferral, settings.Value.MaxDeferrals, delay.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Message {MessageId} ({MessageType}) waits for an earlier event: redelivery {Deferral} of {MaxDeferrals} in {DelaySeconds} s")]
    private partial void LogDeferred(Guid messageId, string messageType, int deferral, int maxDeferrals, double delaySeconds);
}
