using System.Diagnostics;
using System.Net.Http.Json;

using Npgsql;

using Reseller.AppHost;
using Reseller.SystemBenchmark;

namespace Reseller.RenewalBenchmark;

/// <summary>One measured run: a fresh system with Billing's replicas, N due accounts seeded, every instance renewing at once.</summary>
public static class RenewalRun
{
    public static async Task<RenewalResult> ExecuteAsync(int accounts, int replicas, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"reseller-renewal-bench-{replicas}");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = _ => { },
            Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        });
        var billingDb = builder.AddPostgres(ResellerResources.Postgres).AddDatabase(ResellerResources.BillingDb);
        var messaging = builder.AddRabbitMQ(ResellerResources.Messaging);
        builder.AddProject(ResellerResources.Billing).WithReference(billingDb).WithReference(messaging).WithReplicas(replicas);
        await using var app = builder.Build();
        await app.StartAsync(cancellationToken);

        var connectionString = app.GetConnectionString(ResellerResources.BillingDb);
        var runDay = DateTime.UtcNow.Date;
        await Seeding.SeedDueAccountsAsync(connectionString, accounts, DateOnly.FromDateTime(runDay), cancellationToken);

        using var http = new HttpClient { Timeout = TimeSpan.FromHours(1) };
        http.DefaultRequestHeaders.Add("X-Admin-Key", app.AdminKey);
        var cpu = new CpuMeter(SystemCpu.GroupsOf(app, "Billing"));
        cpu.Start();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, replicas).Select(async replica =>
        {
            using var response = await http.PostAsJsonAsync(new Uri(app.GetEndpoint(ResellerResources.Billing.Name, replica), "/internal/clock"), new { now = DateTimeOffset.UtcNow.AddMinutes(1) }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }));
        stopwatch.Stop();
        var cpuPerRenewal = cpu.PerOperation(accounts);

        return await Measure(connectionString, accounts, replicas, stopwatch.Elapsed.TotalSeconds, cancellationToken) with { CpuPerRenewal = cpuPerRenewal };
    }

    /// <summary>Latencies are on the platform clock (moved forward for the run), from the first renewal invoice issued.</summary>
    private static async Task<RenewalResult> Measure(string connectionString, int accounts, int replicas, double seconds, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH run AS (SELECT min(issued_at) AS started FROM invoices WHERE purpose = 'renewal')
            SELECT count(*) FILTER (WHERE status = 'Paid'),
                   count(*) - count(DISTINCT (account_id, period_start)),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - run.started)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - run.started)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - issued_at) * 1000)
            FROM invoices, run WHERE purpose = 'renewal'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var paid = reader.GetInt64(0);
        return new RenewalResult(replicas, accounts, seconds, reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(1), accounts - paid);
    }
}
