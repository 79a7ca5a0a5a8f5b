using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reseller.Billing;
using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.Billing.Payments.Stripe;
using Reseller.Billing.Profiles;
using Reseller.Billing.Renewals;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// One Billing instance as the service wires it (its consumers, outbox, charging, mail to .eml files) on real PostgreSQL
/// and RabbitMQ, with its own database. Its queues keep the service's names (MassTransit keeps the first endpoint name
/// formatter registered, the service's own): they are emptied as it starts, so it never consumes what another test published
/// in its lane while no Billing instance ran there.
/// </summary>
public sealed class BillingHost : IAsyncDisposable
{
    private readonly IHost host;

    private BillingHost(IHost host, string mailDirectory)
    {
        this.host = host;
        MailDirectory = mailDirectory;
    }

    public string MailDirectory { get; }

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    /// <summary>
    /// Starts an instance; <paramref name="settings"/> adds configuration (issuer, tax rates, the Stripe provider's...) and
    /// <paramref name="replace"/> registers stand-ins before the service's own (Credits' prepaid reservations...).
    /// </summary>
    public static async Task<BillingHost> StartAsync(ITestServers infrastructure, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var mailDirectory = Path.Combine(Path.GetTempPath(), "reseller-billing-mail-" + Guid.NewGuid().ToString("N")[..10]);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:billingdb"] = await infrastructure.CreateDatabaseAsync<BillingDb>("billing"),
            ["ConnectionStrings:messaging"] = infrastructure.MessagingConnectionString,
            ["Mail:Directory"] = mailDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        // The host's environment is Production (no environment set), which the provider setting would refuse with the sandbox.
        if (builder.Configuration[PaymentProviderSetting.Key] == PaymentProviderSetting.Stripe)
        {
            builder.Services.AddStripePayments(builder.Configuration);
        }
        builder.Services.AddSingleton(TimeProvider.System);
        replace?.Invoke(builder.Services);
        builder.AddPlatformMail();
        builder.AddBillingDatabase();
        builder.AddServiceMessaging<HostApplicationBuilder, BillingDb>(bus => bus.AddBillingConsumers());
        builder.Services.AddSingleton<IConfigureReceiveEndpoint, LeftoverMessagesPurge>();
        builder.Services.AddCharging();
        builder.Services.AddScoped<RenewalJob>();
        builder.Services.AddScoped<DunningJob>();
        builder.Services.AddScoped<PendingPaymentsJob>();
        builder.Services.AddScoped<Reseller.Billing.CreditNotes.PendingRefundsJob>();
        builder.Services.AddScoped<PendingChargeRefundsJob>();
        var host = builder.Build();
        await host.StartAsync();
        return new BillingHost(host, mailDirectory);
    }

    /// <summary>Publishes an event as Accounts would; the same message id again is a redelivery.</summary>
    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await Bus.Publish(message, c => c.MessageId = id);
        return id;
    }

    public async Task<Guid> AddCardAsync(Guid partnerId, string behaviour = "ok", Guid? accountId = null)
    {
        var card = new TokenizedCard($"tok_sbx_{behaviour}_{Guid.NewGuid():N}", "visa", "4242", 12, 2099);
        var profile = BillingProfile.Create(partnerId, accountId, "Test card", card, DateTimeOffset.UtcNow);
        await InScopeAsync(async db =>
        {
            db.BillingProfiles.Add(profile);
            await db.SaveChangesAsync();
        });
        return profile.Id;
    }

    public async Task<T> QueryAsync<T>(Func<BillingDb, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDb>();
        return await query(db);
    }

    /// <summary>Runs work with the services of one scope, as an endpoint handler gets them.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<BillingDb, Task> work) => QueryAsync(async db =>
    {
        await work(db);
        return true;
    });

    public async Task<int> RunAsync<TJob>(DateTimeOffset now) where TJob : Reseller.ServiceDefaults.Clock.IDueJob
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TJob>().RunDueAsync(now, CancellationToken.None);
    }

    /// <summary>Waits until the condition over the database holds (consumers run asynchronously).</summary>
    public async Task<bool> EventuallyAsync(Func<BillingDb, Task<bool>> condition) =>
        await Eventually.HoldsAsync(() => QueryAsync(db => condition(db)), Eventually.Propagation);

    /// <summary>Waits until a consumed message was written back to the outbox for a later redelivery (it waits for an earlier event).</summary>
    public Task<bool> DeferredAsync(Guid messageId) =>
        EventuallyAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Destination != null));

    /// <summary>The inbox rows of one message: one per consumer that took it, however often it was delivered.</summary>
    public Task<int> InboxCountAsync(Guid messageId) =>
        QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));

    /// <summary>The mails sent so far, oldest first, as (to, subject, text body).</summary>
    public IReadOnlyList<(string To, string Subject, string Body)> Mails() =>
        Directory.Exists(MailDirectory)
            ? Directory.GetFiles(MailDirectory, "*.eml").Order().Select(path =>
            {
                using var message = MimeKit.MimeMessage.Load(path);
                return (message.To.Mailboxes.Single().Address, message.Subject ?? "", message.TextBody ?? "");
            }).ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
