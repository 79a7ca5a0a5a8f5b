using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// Posts due deliveries. Each round leases what is due with FOR UPDATE SKIP LOCKED (any number of instances share the
/// queue), at most <see cref="WebhookOptions.PerEndpointConcurrency"/> in flight per endpoint across instances, and sends
/// them concurrently without waiting for the slowest: a receiver that never answers holds only its own few slots for the
/// timeout, never another partner's. A crashed instance's leases expire and its rows are taken again (at least once).
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookHttp http,
    WebhookSigningSecrets secrets,
    QueueSignal<WebhookDelivery> signal,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly WebhookOptions settings = options.Value;
    private readonly ConcurrentDictionary<Guid, Task> inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var room = settings.MaxInFlight - inFlight.Count;
                if (room > 0)
                {
                    claimed = await ClaimAndSendAsync(room, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogClaimFailed(ex);
            }
            if (claimed == 0 || inFlight.Count >= settings.MaxInFlight)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
        await Task.WhenAll(inFlight.Values);
    }

    private async Task<int> ClaimAndSendAsync(int room, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var limit = settings.PerEndpointConcurrency;
        var lease = settings.Lease;
        // Per enabled endpoint with due rows, as many as it has free slots (its limit less what other rounds and instances
        // already hold in flight), each taken through the (endpoint_id, next_attempt_at) index, locked and skipped if taken.
        var batch = await db.WebhookDeliveries.FromSql($"""
            SELECT d.* FROM (
                SELECT e.id, {limit} - (SELECT count(*) FROM webhook_deliveries x
                                        WHERE x.endpoint_id = e.id AND x.status = 'pending' AND x.leased_until >= now()) AS free
                FROM webhook_endpoints e
                WHERE e.enabled AND e.deleted_at IS NULL
                  AND EXISTS (SELECT 1 FROM webhook_deliveries w WHERE w.endpoint_id = e.id AND w.status = 'pending' AND w.next_attempt_at <= {now})
            ) ep
            CROSS JOIN LATERAL (
                SELECT * FROM webhook_deliveries c
                WHERE c.endpoint_id = ep.id AND c.status = 'pending' AND c.next_attempt_at <= {now}
                  AND (c.leased_until IS NULL OR c.leased_until < now())
                ORDER BY c.next_attempt_at, c.id
                LIMIT greatest(ep.free, 0)
                FOR UPDATE SKIP LOCKED
            ) d
            LIMIT {room}
            """).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }
        var ids = batch.Select(d => d.Id).ToList();
        await db.Database.ExecuteSqlAsync($"UPDATE webhook_deliveries SET leased_until = now() + {lease} WHERE id = ANY({ids})", cancellationToken);
        var endpointIds = batch.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var delivery in batch)
        {
            var endpoint = endpoints[delivery.EndpointId];
            inFlight[delivery.Id] = Task.Run(() => SendAsync(delivery, endpoint, cancellationToken), CancellationToken.None);
        }
        return batch.Count;
    }

    private async Task SendAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await PostAsync(delivery, endpoint, stoppingToken);
            await RecordAsync(delivery.Id, outcome, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogSendFailed(ex, delivery.Id);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the lease expires and another instance (or this one, restarted) sends it again.
        }
        finally
        {
            inFlight.TryRemove(delivery.Id, out _);
            signal.Notify();
        }
    }

    private async Task<AttemptOutcome> PostAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken stoppingToken)
    {
        var attemptedAt = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.EventIdHeader, WebhookDeliveryIds.Event(delivery.EventId));
            // The signature's time is real time, whatever the sandbox clock says: the receiver compares it with its own clock.
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secrets.LiveSecrets(endpoint, attemptedAt), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), delivery.Payload));
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            return new AttemptOutcome(attemptedAt, (int)response.StatusCode, Stopwatch.GetElapsedTime(started), excerpt, null);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var error = ex is OperationCanceledException ? $"No answer within {settings.Timeout.TotalSeconds:0} s." : ex.Message;
            return new AttemptOutcome(attemptedAt, null, Stopwatch.GetElapsedTime(started), null, error);
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookAttempt.ExcerptLength];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
        }
        return Encoding.UTF8.GetString(buffer, 0, read).TrimEnd('\uFFFD');
    }

    private async Task RecordAsync(Guid deliveryId, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDb>();
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == deliveryId, cancellationToken);
        db.WebhookAttempts.Add(WebhookAttempt.Of(deliveryId, outcome.At, outcome.StatusCode, outcome.Duration, outcome.Excerpt, outcome.Error));
        var now = clock.GetUtcNow();
        if (outcome.StatusCode is >= 200 and < 300)
        {
            delivery.Succeeded(outcome.StatusCode.Value, now);
        }
        else if (!delivery.Failed(outcome.StatusCode, now, Random.Shared.NextDouble()))
        {
            await scope.ServiceProvider.GetRequiredService<FailingEndpoints>().GaveUpAsync(delivery, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record AttemptOutcome(DateTimeOffset At, int? StatusCode, TimeSpan Duration, string? Excerpt, string? Error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming webhook deliveries failed; will retry")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be recorded; its lease expires and it is sent again")]
    private partial void LogSendFailed(Exception exception, Guid deliveryId);
}
