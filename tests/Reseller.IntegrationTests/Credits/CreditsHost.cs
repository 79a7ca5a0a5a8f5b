using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Npgsql;

using Reseller.Credits;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.IntegrationTests.Credits;

/// <summary>The Credits service as it runs (its own registrations, consumers and queues) over a fresh database and the test broker.</summary>
public sealed class CreditsHost : IAsyncDisposable
{
    private readonly IHost host;

    private CreditsHost(IHost host, string connectionString, PlatformClock clock)
    {
        this.host = host;
        ConnectionString = connectionString;
        Clock = clock;
    }

    public IServiceProvider Services => host.Services;
    public string ConnectionString { get; }
    public PlatformClock Clock { get; }
    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public static async Task<CreditsHost> StartAsync(ITestServers infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<CreditsDb>("credits");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:creditsdb"] = connectionString,
            ["ConnectionStrings:messaging"] = infrastructure.MessagingConnectionString,
            ["Database:MigrateOnStartup"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var clock = new PlatformClock(TimeProvider.System);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddCreditsService();
        builder.Services.AddSingleton<IConfigureReceiveEndpoint, LeftoverMessagesPurge>();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditsDb>().Database.MigrateAsync();
        }
        await host.StartAsync();
        return new CreditsHost(host, connectionString, clock);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many cached balances differ from the sum of their ledger entries (must stay 0).</summary>
    public Task<long> BalancesNotMatchingLedgerAsync() => ScalarAsync("""
        SELECT count(*) FROM credit_balances b
        WHERE b.balance <> (SELECT coalesce(sum(e.quantity), 0) FROM ledger_entries e
                            WHERE e.partner_id = b.partner_id AND e.kind = b.kind
                              AND coalesce(e.account_id, '00000000-0000-0000-0000-000000000000'::uuid) = b.holder_id)
        """);

    public Task<long> BalanceAsync(Guid partnerId, Guid? accountId, string kind) => ScalarAsync(
        "SELECT coalesce((SELECT balance FROM credit_balances WHERE partner_id = @p AND holder_id = @h AND kind = @k), 0)",
        ("p", partnerId), ("h", accountId ?? Guid.Empty), ("k", kind));

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
