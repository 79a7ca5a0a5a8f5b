using System.Collections.Concurrent;
using System.Net.Http.Json;

using Npgsql;

using Reseller.AppHost;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// Billing instances as real child processes (the AppHost's own model: PostgreSQL, RabbitMQ, N replicas), with due accounts
/// seeded straight into its database and the renewal run started by moving each instance's sandbox clock.
/// </summary>
public sealed class RenewalSystem : IAsyncDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(20) };

    private readonly ConcurrentQueue<string> log;

    private RenewalSystem(DistributedApplication app, DateTimeOffset runAt, ConcurrentQueue<string> log)
    {
        this.log = log;
        App = app;
        RunAt = runAt;
        http.DefaultRequestHeaders.Add("X-Admin-Key", app.AdminKey);
    }

    public DistributedApplication App { get; }

    /// <summary>The platform time the run happens at: every seeded account is due by then.</summary>
    public DateTimeOffset RunAt { get; }

    public string ConnectionString => App.GetConnectionString(ResellerResources.BillingDb);

    public static async Task<RenewalSystem> StartAsync(string name, int replicas, int accounts)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"reseller-{name}-{Guid.NewGuid():N}");
        // Warnings and errors only; the last of them explain a failed run.
        var log = new ConcurrentQueue<string>();
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = line =>
            {
                log.Enqueue(line);
                while (log.Count > 400 && log.TryDequeue(out _))
                {
                }
            },
            Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        });
        var billingDb = builder.AddPostgres(ResellerResources.Postgres).AddDatabase(ResellerResources.BillingDb);
        var messaging = builder.AddRabbitMQ(ResellerResources.Messaging);
        builder.AddProject(ResellerResources.Billing).WithReplicas(replicas).WithReference(billingDb).WithReference(messaging);
        var app = builder.Build();
        await using (await SystemStartGate.EnterAsync(TestInfrastructure.RepositoryRoot()))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await app.StartAsync(timeout.Token);
        }
        var system = new RenewalSystem(app, DateTimeOffset.UtcNow.AddMinutes(1), log);
        await system.SeedDueAccountsAsync(accounts);
        return system;
    }

    /// <summary>Moves one instance's clock to the run time; answers when that instance has run everything due.</summary>
    public async Task RunAsync(int replica, TimeSpan? later = null)
    {
        using var response = await http.PostAsJsonAsync(new Uri(App.GetEndpoint(ResellerResources.Billing.Name, replica), "/internal/clock"), new { now = RunAt + (later ?? TimeSpan.Zero) });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Billing-{replica}'s clock answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n"
                + string.Join('\n', log.TakeLast(60)),
                null,
                response.StatusCode);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<long> PaidRenewalsAsync() => ScalarAsync("SELECT count(*) FROM invoices WHERE purpose = 'renewal' AND status = 'Paid'");

    /// <summary>Every figure that must equal the number of due accounts for a run to be exactly once.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ExactlyOnceFiguresAsync() => new Dictionary<string, long>
    {
        ["renewal invoices"] = await ScalarAsync("SELECT count(*) FROM invoices WHERE purpose = 'renewal'"),
        ["paid renewal invoices"] = await PaidRenewalsAsync(),
        ["accounts invoiced"] = await ScalarAsync("SELECT count(DISTINCT (account_id, period_start)) FROM invoices WHERE purpose = 'renewal'"),
        ["payments"] = await ScalarAsync("SELECT count(*) FROM payments"),
        ["succeeded payments"] = await ScalarAsync("SELECT count(*) FROM payments WHERE status = 'Succeeded'"),
        ["distinct charges"] = await ScalarAsync("SELECT count(DISTINCT provider_charge_id) FROM payments"),
        ["invoice numbers"] = await ScalarAsync("SELECT count(DISTINCT number) FROM invoices"),
        ["last invoice number"] = await ScalarAsync("SELECT coalesce(max(last_number), 0) FROM invoice_number_sequences WHERE issuer = 'RSL'"),
        ["InvoicePaid events"] = await ScalarAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Billing.InvoicePaid%'"),
        ["accounts renewed"] = await ScalarAsync("SELECT count(*) FROM billed_accounts WHERE period_index = 2 AND status = 'Active'"),
    };

    /// <summary>N active monthly accounts whose period ends on the run day, over partners of 100 accounts, cards that succeed.</summary>
    private async Task SeedDueAccountsAsync(int accounts)
    {
        var runDay = DateOnly.FromDateTime(RunAt.UtcDateTime);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO billing_profiles (id, partner_id, name, provider_token, brand, last4, exp_month, exp_year, created_at)
            SELECT p.id, p.id, 'Scale card', 'tok_sbx_ok_scale', 'visa', '4242', 12, 2099, now()
            FROM (SELECT DISTINCT md5('partner' || (n / 100))::uuid AS id FROM generate_series(0, @accounts - 1) n) p;

            INSERT INTO billed_accounts (account_id, partner_id, name, plan, cadence, payer, billing_profile_id, status, anchor_date,
                                         period_index, current_period_start, current_period_end, notification_email)
            SELECT md5('account' || n)::uuid, md5('partner' || (n / 100))::uuid, 'scale-' || n,
                   '{"Product":"marketing","Tier":"plus","Contacts":1000,"Seats":3,"AddOns":[],"Cadence":"monthly"}'::jsonb,
                   'monthly', 'partner', md5('partner' || (n / 100))::uuid, 'Active', @anchor, 1, @anchor, @runDay, ''
            FROM generate_series(0, @accounts - 1) n;
            ANALYZE;
            """, connection);
        command.Parameters.AddWithValue("accounts", accounts);
        command.Parameters.AddWithValue("anchor", runDay.AddMonths(-1));
        command.Parameters.AddWithValue("runDay", runDay);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(App.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
