using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.DataProtection;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.IntegrationTests.Partners.Webhooks;

/// <summary>
/// Partners' webhook machinery as one Partners instance wires it (Development: a receiver on 127.0.0.1 is allowed), over a
/// real PostgreSQL database, with a sandbox clock the test moves. Events are queued straight through WebhookEvents, as the
/// consumers do inside their inbox transaction, or, given a broker, through the webhook consumers themselves (the service's
/// queue names, emptied as the host starts of what other tests left in its lane).
/// </summary>
public sealed class WebhooksHost : IAsyncDisposable
{
    private readonly IHost host;

    private WebhooksHost(IHost host) => this.host = host;

    public PlatformClock Clock => host.Services.GetRequiredService<PlatformClock>();

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    /// <summary>Seals the Data Protection keys that encrypt the signing secrets: a Partners process sharing the database needs it too.</summary>
    public const string KeyEncryptionKey = "the-webhook-tests-key-encryption-key-of-32-characters";

    public static async Task<WebhooksHost> StartAsync(string databaseConnectionString, Action<WebhookOptions>? configure = null, string? messaging = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Directory"] = Path.Combine(Path.GetTempPath(), "reseller-webhooks-mail-" + Guid.NewGuid().ToString("N")),
            [KeyEncryptionKeys.Setting] = KeyEncryptionKey,
        });
        builder.AddPlatformMail();
        builder.Services.AddSingleton(new PlatformClock(TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PlatformClock>());
        builder.Services.AddDbContext<PartnersDb>(o => DatabaseExtensions.Configure(o, databaseConnectionString));
        if (messaging is not null)
        {
            builder.Configuration["ConnectionStrings:messaging"] = messaging;
            builder.AddServiceMessaging<HostApplicationBuilder, PartnersDb>(bus => bus.AddWebhookConsumers());
            builder.Services.AddSingleton<IConfigureReceiveEndpoint, LeftoverMessagesPurge>();
        }
        builder.AddMailOutbox<HostApplicationBuilder, PartnersDb>();
        builder.AddWebhooks();
        if (configure is not null)
        {
            builder.Services.PostConfigure(configure);
        }
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PartnersDb>().Database.MigrateAsync();
        }
        await host.StartAsync();
        return new WebhooksHost(host);
    }

    /// <summary>Registers an endpoint hearing every event; returns it with its secret.</summary>
    public async Task<(WebhookEndpoint Endpoint, string Secret)> AddEndpointAsync(Guid partnerId, string url)
    {
        var secret = WebhookSecrets.New();
        var endpoint = WebhookEndpoint.Create(partnerId, url, WebhookEventTypes.Subscribable, null,
            host.Services.GetRequiredService<WebhookSecrets>().Protect(secret), Clock.GetUtcNow());
        await SaveAsync(db => db.WebhookEndpoints.Add(endpoint));
        return (endpoint, secret);
    }

    /// <summary>Queues <paramref name="count"/> invoice.paid events of the partner in one transaction; returns their event ids.</summary>
    public async Task<IReadOnlyList<string>> QueueAsync(Guid partnerId, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDb>();
        var events = scope.ServiceProvider.GetRequiredService<WebhookEvents>();
        for (var i = 0; i < count; i++)
        {
            await events.QueueAsync(partnerId, WebhookEventTypes.InvoicePaid, new { id = $"inv_{i}" }, Clock.GetUtcNow(), CancellationToken.None);
        }
        var queued = db.ChangeTracker.Entries<WebhookDelivery>().Select(e => WebhookDeliveryIds.Event(e.Entity.EventId)).ToList();
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<QueueSignal<WebhookDelivery>>().Notify();
        return queued;
    }

    /// <summary>Publishes an integration event as its service would; returns its message id.</summary>
    public async Task<Guid> PublishAsync<T>(T message) where T : class
    {
        var id = NewId.NextGuid();
        await Bus.Publish(message, c => c.MessageId = id);
        return id;
    }

    public async Task<string> RollSecretAsync(Guid endpointId)
    {
        var secret = WebhookSecrets.New();
        var protectedSecret = host.Services.GetRequiredService<WebhookSecrets>().Protect(secret);
        var now = Clock.GetUtcNow();
        await ChangeAsync(async db => (await db.WebhookEndpoints.SingleAsync(e => e.Id == endpointId)).RollSecret(protectedSecret, now));
        return secret;
    }

    /// <summary>Moves the sandbox clock and wakes the dispatcher, as POST /api/v1/admin/clock does through the due jobs.</summary>
    public void AdvanceClockTo(DateTimeOffset now)
    {
        Clock.AdvanceTo(now);
        host.Services.GetRequiredService<QueueSignal<WebhookDelivery>>().Notify();
    }

    public async Task<int> RunPurgeAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookPurgeJob>().RunDueAsync(Clock.GetUtcNow(), CancellationToken.None);
    }

    public async Task<T> QueryAsync<T>(Func<PartnersDb, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PartnersDb>());
    }

    public Task SaveAsync(Action<PartnersDb> change) => ChangeAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private async Task ChangeAsync(Func<PartnersDb, Task> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDb>();
        await change(db);
        await db.SaveChangesAsync();
    }
}
