using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.Partners.FollowedAccounts;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Partners;

/// <summary>
/// Partners' commission machinery as one Partners instance wires it: its consumers on real RabbitMQ (queues named for
/// this run), its ledger and monthly close over a real PostgreSQL database, and a sandbox clock the test moves.
/// </summary>
public sealed class PartnersHost : IAsyncDisposable
{
    private readonly IHost host;

    private PartnersHost(IHost host) => this.host = host;

    public IBus Bus => host.Services.GetRequiredService<IBus>();
    public PlatformClock Clock => host.Services.GetRequiredService<PlatformClock>();

    public string MailDirectory { get; private init; } = "";

    public static async Task<PartnersHost> StartAsync(ITestServers infrastructure, string databaseConnectionString, string runId,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var mailDirectory = Path.Combine(Path.GetTempPath(), "reseller-partners-mail-" + runId);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = infrastructure.MessagingConnectionString,
            ["Mail:Directory"] = mailDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddPlatformMail();
        builder.Services.AddSingleton(new PlatformClock(TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PlatformClock>());
        builder.Services.AddDbContext<PartnersDb>(o => DatabaseExtensions.Configure(o, databaseConnectionString));
        builder.AddServiceMessaging<HostApplicationBuilder, PartnersDb>(bus =>
        {
            bus.AddConsumer<PartnerAccountCreatedConsumer>().Endpoint(e => e.Name = $"partners-account-created-{runId}");
            bus.AddConsumer<PartnerAccountStatusChangedConsumer>().Endpoint(e => e.Name = $"partners-account-status-{runId}");
            bus.AddConsumer<PartnerPayerChangedConsumer>().Endpoint(e => e.Name = $"partners-payer-changed-{runId}");
            bus.AddConsumer<CommissionInvoicePaidConsumer>().Endpoint(e => e.Name = $"partners-invoice-paid-{runId}");
            bus.AddConsumer<CommissionCreditNoteConsumer>().Endpoint(e => e.Name = $"partners-credit-note-{runId}");
        });
        builder.Services.AddScoped<CommissionLedger>();
        builder.Services.AddScoped<MonthlyCloseJob>();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PartnersDb>().Database.MigrateAsync();
        }
        await host.StartAsync();
        return new PartnersHost(host) { MailDirectory = mailDirectory };
    }

    public async Task<T> QueryAsync<T>(Func<PartnersDb, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PartnersDb>());
    }

    public async Task SaveAsync(Action<PartnersDb> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDb>();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the monthly close as <paramref name="instances"/> instances at once, each with its own scope and connection.</summary>
    public async Task<int[]> CloseMonthsConcurrentlyAsync(int instances)
    {
        var now = Clock.GetUtcNow();
        return await Task.WhenAll(Enumerable.Range(0, instances).Select(async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MonthlyCloseJob>().RunDueAsync(now, CancellationToken.None);
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
