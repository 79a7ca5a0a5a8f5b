using System.Reflection;

using Reseller.AppHost;
using Reseller.AppHost.Postgres;
using Reseller.AppHost.RabbitMq;

namespace Reseller.IntegrationTests;

/// <summary>
/// Real PostgreSQL and RabbitMQ for the integration tests: the servers named by ConnectionStrings__postgres and
/// ConnectionStrings__messaging when given, otherwise private ones started under this run's .data/test-runs folder.
/// </summary>
public sealed class TestInfrastructure : IAsyncLifetime
{
    private static int created;
    private readonly string name = $"integration-{Interlocked.Increment(ref created)}";
    private LocalPostgres? postgres;

    public LocalRabbitMq? Broker { get; private set; }
    public string PostgresConnectionString { get; private set; } = "";
    public string MessagingConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var dataDirectory = TestRunDirectory.Create(RepositoryRoot(), name);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var givenPostgres = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        if (string.IsNullOrEmpty(givenPostgres))
        {
            postgres = await LocalPostgres.StartAsync(Path.Combine(dataDirectory, "postgres"), 0, null, timeout.Token);
            PostgresConnectionString = postgres.ConnectionString;
        }
        else
        {
            PostgresConnectionString = givenPostgres;
        }

        // A fresh broker each run (the run's folder is new): queues left by earlier runs would otherwise keep receiving copies of test events.
        Broker = await LocalRabbitMq.StartAsync(Path.Combine(dataDirectory, "rabbitmq"), 0, null, timeout.Token);
        MessagingConnectionString = Broker.ConnectionString;
    }

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres" };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        builder.Database = name;
        // Test classes run side by side, each leaving pools behind for databases it no longer uses: idle connections close
        // within seconds (Npgsql's default keeps them 5 min), so the shared server never runs out of connections.
        builder.ConnectionIdleLifetime = 5;
        builder.ConnectionPruningInterval = 1;
        return builder.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }

    internal static string RepositoryRoot() =>
        typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
}
