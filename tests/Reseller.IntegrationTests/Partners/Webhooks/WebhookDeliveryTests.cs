using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;

using Xunit.Abstractions;

namespace Reseller.IntegrationTests.Partners.Webhooks;

/// <summary>The durable delivery queue: retries on the sandbox clock, isolation of a slow receiver, secret roll (a crash: WebhookProcessCrashTests).</summary>
public sealed class WebhookDeliveryTests(ServiceHostsLane infrastructure, ITestOutputHelper output) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_receiver_failing_three_times_gets_the_event_four_times_on_the_retry_schedule()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var answers = new[] { 500, 500, 500, 200 };
        var calls = 0;
        receiver.Answer = (_, _) => Task.FromResult(answers[Math.Min(Interlocked.Increment(ref calls), answers.Length) - 1]);
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"));
        var (endpoint, _) = await host.AddEndpointAsync(Guid.CreateVersion7(), receiver.Url);
        var eventId = Assert.Single(await host.QueueAsync(endpoint.PartnerId, 1));

        for (var failures = 1; failures <= 3; failures++)
        {
            var delivery = await WaitForAsync(host, d => d.Attempts == failures);
            Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
            var wait = delivery.NextAttemptAt - delivery.LastAttemptAt!.Value;
            var planned = RetrySchedule.WaitAfter(failures);
            Assert.InRange(wait, planned * (1 - RetrySchedule.Jitter), planned * (1 + RetrySchedule.Jitter));
            host.AdvanceClockTo(delivery.NextAttemptAt);
        }

        var delivered = await WaitForAsync(host, d => d.Status == WebhookDeliveryStatus.Delivered);
        Assert.Equal(4, delivered.Attempts);
        Assert.Equal(4, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(eventId, r.EventId));
        var attempts = await host.QueryAsync(db => db.WebhookAttempts.Where(a => a.DeliveryId == delivered.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([500, 500, 500, 200], attempts.Select(a => a.StatusCode ?? 0));
        // Each retry happened only once the sandbox clock had reached its planned time.
        for (var i = 1; i < attempts.Count; i++)
        {
            Assert.True(attempts[i].AttemptedAt - attempts[i - 1].AttemptedAt >= RetrySchedule.WaitAfter(i) * (1 - RetrySchedule.Jitter));
        }
    }

    [Fact]
    public async Task A_receiver_that_never_answers_does_not_slow_another_partners_fast_receiver()
    {
        await using var silent = await WebhookReceiver.StartAsync();
        silent.Answer = async (_, ct) =>
        {
            await Task.Delay(System.Threading.Timeout.Infinite, ct); // The fake receiver that never answers.
            return 200;
        };
        await using var fast = await WebhookReceiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"));
        var (stuck, _) = await host.AddEndpointAsync(Guid.CreateVersion7(), silent.Url);
        var (quick, _) = await host.AddEndpointAsync(Guid.CreateVersion7(), fast.Url);
        await host.QueueAsync(stuck.PartnerId, 50);
        Assert.True(await Eventually.HoldsAsync(() => !silent.Received.IsEmpty, Timeout), "the silent receiver was never called");

        // One event at a time, so each latency is the dispatcher's own (no backlog of the fast receiver's events counts).
        var queuedAt = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < 30; i++)
        {
            var before = DateTimeOffset.UtcNow;
            var id = Assert.Single(await host.QueueAsync(quick.PartnerId, 1));
            queuedAt[id] = before;
            Assert.True(await Eventually.HoldsAsync(() => fast.Received.Any(r => r.EventId == id), Timeout), "the fast receiver did not get an event");
        }

        var latencies = fast.Received.Select(r => (r.ReceivedAt - queuedAt[r.EventId]).TotalMilliseconds).Order().ToList();
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        output.WriteLine($"fast receiver beside a silent one: p50 {latencies[latencies.Count / 2]:0} ms, p99 {p99:0} ms over {latencies.Count} events");
        Assert.True(p99 < 1000, $"p99 {p99:0} ms");
    }

    [Fact]
    public async Task A_rolled_secret_never_fails_the_receivers_check()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var receiversSecret = "";
        var failedChecks = 0;
        receiver.Answer = (webhook, _) =>
        {
            if (!WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body, Volatile.Read(ref receiversSecret)))
            {
                Interlocked.Increment(ref failedChecks);
                return Task.FromResult(400);
            }
            return Task.FromResult(200);
        };
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"));
        var (endpoint, secret) = await host.AddEndpointAsync(Guid.CreateVersion7(), receiver.Url);
        Volatile.Write(ref receiversSecret, secret);

        await host.QueueAsync(endpoint.PartnerId, 10);
        Assert.True(await Eventually.HoldsAsync(() => receiver.Received.Count >= 10, Timeout));
        var rolled = await host.RollSecretAsync(endpoint.Id);
        // The receiver still knows only the old secret: deliveries now carry both signatures.
        await host.QueueAsync(endpoint.PartnerId, 10);
        Assert.True(await Eventually.HoldsAsync(() => receiver.Received.Count >= 20, Timeout));
        Volatile.Write(ref receiversSecret, rolled);
        await host.QueueAsync(endpoint.PartnerId, 10);
        Assert.True(await Eventually.HoldsAsync(() => receiver.Received.Count >= 30, Timeout));

        Assert.Equal(0, failedChecks);
        Assert.Equal(30, receiver.Received.Count);
        Assert.All(receiver.Received.Skip(10), r => Assert.Equal(2, r.Signature.Split(",v1=").Length - 1));
    }

    [Fact]
    public async Task Throughput_to_one_fast_local_receiver()
    {
        // 200 in the suite; WEBHOOK_THROUGHPUT_EVENTS=5000 for a steadier figure.
        var events = int.TryParse(Environment.GetEnvironmentVariable("WEBHOOK_THROUGHPUT_EVENTS"), out var asked) ? asked : 200;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"));
        var (endpoint, _) = await host.AddEndpointAsync(Guid.CreateVersion7(), receiver.Url);

        var watch = Stopwatch.StartNew();
        await host.QueueAsync(endpoint.PartnerId, events);
        var queued = watch.Elapsed;
        Assert.True(await Eventually.HoldsAsync(async () =>
            await host.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Delivered)) == events, TimeSpan.FromMinutes(10)));

        output.WriteLine($"{events} events delivered in {watch.Elapsed.TotalSeconds:0.0} s (queueing took {queued.TotalSeconds:0.0} s): " +
            $"{events / watch.Elapsed.TotalSeconds:0} events/s to one receiver");
        Assert.Equal(events, receiver.Received.Select(r => r.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Deliveries_older_than_thirty_days_are_purged_with_their_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"));
        var (endpoint, _) = await host.AddEndpointAsync(Guid.CreateVersion7(), receiver.Url);
        await host.QueueAsync(endpoint.PartnerId, 2);
        Assert.True(await Eventually.HoldsAsync(async () =>
            await host.QueryAsync(db => db.WebhookAttempts.CountAsync()) == 2, Timeout));
        var old = await host.QueryAsync(db => db.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var monthAgo = DateTimeOffset.UtcNow - WebhookPurgeJob.Window - TimeSpan.FromMinutes(1);
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE webhook_deliveries SET created_at = {monthAgo} WHERE id = {old}"));

        Assert.Equal(1, await host.RunPurgeAsync());

        Assert.Equal(1, await host.QueryAsync(db => db.WebhookDeliveries.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.WebhookAttempts.CountAsync()));
        Assert.False(await host.QueryAsync(db => db.WebhookDeliveries.AnyAsync(d => d.Id == old)));
    }

    private static async Task<WebhookDelivery> WaitForAsync(WebhooksHost host, Func<WebhookDelivery, bool> condition)
    {
        WebhookDelivery? found = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            found = await host.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
            return condition(found);
        }, Timeout), "the delivery never reached the expected state");
        return found!;
    }
}
