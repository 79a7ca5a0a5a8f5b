using System.Diagnostics;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Npgsql;

using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>Connections one service process may hold open, unless its connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>Contexts one process keeps for reuse, unless configured otherwise: more than its connections, as a context holds none while idle.</summary>
    public const int DefaultContextPoolSize = 64;

    /// <summary>Statements each connection keeps prepared, unless its connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <summary>The service's own PostgreSQL database (EF Core + Npgsql, snake_case), migrated at start-up and health-checked.</summary>
    public static TBuilder AddServiceDatabase<TBuilder, TDb>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext
    {
        builder.AddServiceDbContext<TBuilder, TDb>(connectionName);
        builder.Services.AddScoped<IIdempotencyStore, IdempotencyStore<TDb>>();
        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
        builder.Services.AddSingleton<RetentionSchedule>();
        builder.Services.AddScoped<IDueJob, RetentionJob<TDb>>();
        return builder;
    }

    /// <summary>
    /// A process's DbContext on its connection string (bounded pool, prepared statements), migrated at start-up and
    /// health-checked: what every service's database and the dashboard's have in common.
    /// </summary>
    public static TBuilder AddServiceDbContext<TBuilder, TDb>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext
    {
        var connectionString = WithoutSessionReset(WithPreparedStatements(WithBoundedPool(
            builder.Configuration.GetConnectionString(connectionName) ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set."),
            builder.Configuration.GetValue("Database:MaxPoolSize", DefaultMaxPoolSize))));
        // Pooled: a scope rents a context whose EF services are already built, and returns it cleared. Building them for each
        // request and each consumed message (the options, the model lookup, EF's own scoped services) was on the stack in 17.5 %
        // of Accounts' CPU samples under GET load. A context therefore keeps no state of its own past its scope: the pool
        // resets the change tracker and the connection, and a context with fields of its own clears them when disposed.
        builder.Services.AddDbContextPool<TDb>(o => Configure(o, connectionString), builder.Configuration.GetValue("Database:ContextPoolSize", DefaultContextPoolSize));
        builder.AddMigrations<TBuilder, TDb>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDb>>(connectionName, tags: ["ready"]);
        return builder;
    }

    /// <summary>Registers who applies the service's migrations (<see cref="MigrationModes"/>); first, so nothing starts on an old schema.</summary>
    public static TBuilder AddMigrations<TBuilder, TDb>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext
    {
        var mode = MigrationModes.From(builder.Configuration);
        if (mode != MigrationMode.Off)
        {
            // Hosted services start in the order they were registered, and some are registered before this (authentication
            // brings Data Protection's, which reads its key ring from this database): the migrations go ahead of them all.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(services => ActivatorUtilities.CreateInstance<MigrateOnStartup<TDb>>(services, mode)));
        }

        return builder;
    }

    /// <summary>
    /// Npgsql's pool grows to 100 connections per process by default, so a burst on a few replicas could take every
    /// connection the server allows and starve the other services. Each process is bounded instead; a burst then waits for a
    /// connection rather than being refused by the server. Replicas × this must stay under the server's max_connections.
    /// </summary>
    public static string WithBoundedPool(string connectionString, int maxPoolSize) =>
        UnlessSet(connectionString, ["Maximum Pool Size", "MaxPoolSize"], settings => settings.MaxPoolSize = maxPoolSize);

    /// <summary>
    /// Npgsql prepares the statements a connection runs most (its last <see cref="DefaultMaxAutoPrepare"/> used five times or
    /// more), so PostgreSQL parses and plans each once per connection instead of once per call: that halved PostgreSQL's CPU
    /// per account read (benchmarks/RESULTS.md). EF Core always names its columns, so a migration that adds one does not
    /// break a prepared statement. An operator's own "Max Auto Prepare" in the connection string wins.
    /// </summary>
    public static string WithPreparedStatements(string connectionString) =>
        UnlessSet(connectionString, ["Auto Prepare", "AutoPrepare"], settings => settings.MaxAutoPrepare = DefaultMaxAutoPrepare);

    /// <summary>
    /// Npgsql resets a connection's session state each time it goes back to the pool: with statements kept prepared, seven
    /// statements (RESET ALL, pg_advisory_unlock_all(), DISCARD TEMP…) sent ahead of its next command, each a transaction of
    /// its own at the server. That was 161 statements per paid account created, more than all its queries (pg_stat_statements
    /// over a SystemBenchmark create run). The services leave no session state behind them: no SET, LISTEN, temporary table
    /// or cursor, and their advisory locks are the transaction's, except the migration's, which it releases itself. A
    /// transaction left open is still rolled back when its connection is returned. An operator's own "No Reset On Close" wins.
    /// </summary>
    public static string WithoutSessionReset(string connectionString) =>
        UnlessSet(connectionString, ["No Reset On Close", "NoResetOnClose"], settings => settings.NoResetOnClose = true);

    /// <summary>Applies our default for a setting unless the connection string already names it (the operator's value wins).</summary>
    private static string UnlessSet(string connectionString, string[] keywords, Action<NpgsqlConnectionStringBuilder> applyDefault)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keywords.Any(keyword => connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
        {
            applyDefault(settings);
        }
        return settings.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(TraceOnlyWithinWork)).UseSnakeCaseNamingConvention();

    /// <summary>
    /// A database call is traced only inside a span (a request, a message, an outbox publish): the pollers' own calls
    /// (outboxes, due jobs, gauges) were a one-span trace each, about fifteen a second across the system, and pushed every
    /// request's trace out of the ops console's store within half an hour of idling. One delegate for every context, so
    /// EF Core keeps one internal service provider.
    /// </summary>
    private static readonly Action<NpgsqlDataSourceBuilder> TraceOnlyWithinWork = dataSource => dataSource.ConfigureTracing(tracing => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null));
}
