using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Testing.AssemblyFixtures;

using Xunit.Abstractions;

namespace Reseller.IntegrationTests.Partners.Webhooks;

/// <summary>
/// Must hold 3 for real: Partners as a child process (the AppHost's own model), SIGKILLed while it holds leased deliveries in
/// flight and hundreds more are pending, then started again; every event still arrives at least once.
/// </summary>
[LoadsTheMachine]
public sealed class WebhookProcessCrashTests(TestInfrastructure infrastructure, ITestOutputHelper output)
{
    private const int Events = 1000;
    private const int BeforeTheKill = 100;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_Partners_process_SIGKILLed_during_a_thousand_pending_deliveries_loses_none()
    {
        var watch = Stopwatch.StartNew();
        await using var receiver = await WebhookReceiver.StartAsync();
        // After the first hundred, the receiver holds every request until the process is dead: the kill lands while
        // deliveries are surely in flight (leased) and most are still pending, whatever the machine's speed.
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        receiver.Answer = async (_, ct) =>
        {
            if (!killed.Task.IsCompleted && receiver.Received.Count > BeforeTheKill)
            {
                Interlocked.Increment(ref held);
                await killed.Task.WaitAsync(ct);
            }
            return 200;
        };
        var database = await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks");
        IReadOnlyList<string> emitted;
        // Seeded by an in-process instance that never sends (no room in flight): the same Data Protection keys, in the database.
        await using (var seeder = await WebhooksHost.StartAsync(database, o => o.MaxInFlight = 0))
        {
            var (endpoint, _) = await seeder.AddEndpointAsync(Guid.CreateVersion7(), receiver.Url);
            emitted = await seeder.QueueAsync(endpoint.PartnerId, Events);
        }

        await using var partners = await StartPartnersAsync(database);
        Assert.True(await Eventually.HoldsAsync(() => Volatile.Read(ref held) > 0, Timeout), "the receiver never held a delivery");
        await partners.App.StopProjectAsync(ResellerResources.Partners.Name, replica: 0, kill: true);
        killed.SetResult();
        var pending = await PendingAsync(database);
        Assert.True(pending > 0, "every delivery was done before the kill");
        output.WriteLine($"killed with {pending} deliveries pending, {receiver.Received.Count} requests received, after {watch.Elapsed.TotalSeconds:0.0} s");

        await partners.App.StartProjectAsync(ResellerResources.Partners.Name, replica: 0);
        Assert.True(await Eventually.HoldsAsync(() => receiver.Received.Select(r => r.EventId).Distinct().Count() == Events, Timeout),
            $"only {receiver.Received.Select(r => r.EventId).Distinct().Count()} of {Events} events arrived");
        Assert.Equal(emitted.Order(StringComparer.Ordinal), receiver.Received.Select(r => r.EventId).Distinct().Order(StringComparer.Ordinal));
        Assert.True(await Eventually.HoldsAsync(async () => await PendingAsync(database) == 0, Timeout), "deliveries are still pending");
        output.WriteLine($"{Events} events, {receiver.Received.Count} requests, all delivered after {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<PartnersProcess> StartPartnersAsync(string database)
    {
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"reseller-webhook-crash-{Guid.NewGuid():N}"),
            EphemeralPorts = true,
            LogSink = _ => { },
            Environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__partnersdb"] = database,
                ["ConnectionStrings__messaging"] = infrastructure.MessagingConnectionString,
                // The seeder's Data Protection keys, which encrypt the endpoint's signing secret, are sealed with this key.
                ["Reseller__DataProtection__KeyEncryptionKey"] = WebhooksHost.KeyEncryptionKey,
                // A killed instance's leases are taken again 3 s later (60 s by default).
                ["Webhooks__Lease"] = "00:00:03",
                ["Webhooks__PerEndpointConcurrency"] = "64",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        });
        builder.AddProject(ResellerResources.Partners);
        var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(timeout.Token);
        return new PartnersProcess(app);
    }

    private static async Task<int> PendingAsync(string database)
    {
        var options = new DbContextOptionsBuilder<PartnersDb>();
        Reseller.ServiceDefaults.Data.DatabaseExtensions.Configure(options, database);
        await using var db = new PartnersDb(options.Options);
        return await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending);
    }

    private sealed class PartnersProcess(DistributedApplication app) : IAsyncDisposable
    {
        public DistributedApplication App => app;

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            try
            {
                Directory.Delete(app.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a process that is going away: the temporary folder is left behind.
            }
        }
    }
}
