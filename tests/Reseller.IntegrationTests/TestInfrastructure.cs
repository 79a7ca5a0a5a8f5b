using System.Reflection;
using System.Threading.Channels;

using Microsoft.EntityFrameworkCore;

using Reseller.AppHost;
using Reseller.AppHost.Postgres;
using Reseller.AppHost.RabbitMq;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.IntegrationTests;

/// <summary>
/// Real PostgreSQL and RabbitMQ for the integration tests: the PostgreSQL named by ConnectionStrings__postgres when given,
/// otherwise a private one, and always a private broker, started under this run's .data/test-runs folder. The broker has a
/// virtual host for each lane of <see cref="ServiceHostsLane"/>.
/// </summary>
public sealed class TestInfrastructure : ITestServers, IAsyncLifetime, IHeavyClassesDoneListener
{
    /// <summary>
    /// How many classes that host services in this process run at once while classes that load the machine
    /// (<see cref="LoadsTheMachineAttribute"/>) run beside them. One at a time left half of the two cores idle (waiting on
    /// brokers, timers and polls): the group took 2m53-3m07. Two took 2m18, three 2m08 alone but, beside the scale tests'
    /// start, slowed a class past its 29 s of redeliveries: two is the steadier choice for 10 s.
    /// </summary>
    public const int LanesBesideHeavyClasses = 2;

    /// <summary>
    /// How many run at once when the classes that load the machine are done: two lanes then left a third of the two cores
    /// idle (vmstat) for the last ninety seconds of the group, in classes that mostly wait on their hosts' polls and timers.
    /// Four took the group alone from 3m10 to 2m46.
    /// </summary>
    public const int Lanes = 4;

    private static int created;
    private readonly string name = $"integration-{Interlocked.Increment(ref created)}";
    private static readonly string[] LaneNames = [.. Enumerable.Range(1, Lanes).Select(lane => $"lane-{lane}")];
    private readonly Channel<string> freeLanes = Channel.CreateUnbounded<string>();
    private readonly MigratedTemplates templates;
    private LocalPostgres? postgres;

    public TestInfrastructure() => templates = new MigratedTemplates(CreateDatabaseAsync);

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
        Broker = await LocalRabbitMq.StartAsync(Path.Combine(dataDirectory, "rabbitmq"), 0, null, timeout.Token, LaneNames);
        MessagingConnectionString = Broker.ConnectionString;
        foreach (var lane in LaneNames.Take(LanesBesideHeavyClasses))
        {
            freeLanes.Writer.TryWrite(lane);
        }
    }

    /// <summary>Frees the lanes held back while the classes that load the machine ran (told once, by the assembly runner).</summary>
    public void HeavyClassesDone()
    {
        foreach (var lane in LaneNames.Skip(LanesBesideHeavyClasses))
        {
            freeLanes.Writer.TryWrite(lane);
        }
    }

    /// <summary>Waits for a lane to be free and takes it: the name of its virtual host.</summary>
    internal ValueTask<string> TakeLaneAsync() => freeLanes.Reader.ReadAsync();

    internal void GiveBackLane(string lane) => freeLanes.Writer.TryWrite(lane);

    public Task<string> CreateDatabaseAsync(string prefix) => CreateDatabaseAsync(prefix, template: null);

    public async Task<string> CreateDatabaseAsync<TContext>(string prefix) where TContext : DbContext =>
        await CreateDatabaseAsync(prefix, await templates.OfAsync<TContext>());

    private async Task<string> CreateDatabaseAsync(string prefix, string? template)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres" };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
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
