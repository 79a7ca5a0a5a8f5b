using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>The service's own PostgreSQL database (EF Core + Npgsql, snake_case), migrated at start-up and health-checked.</summary>
    public static TBuilder AddServiceDatabase<TBuilder, TDb>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        builder.Services.AddDbContext<TDb>(o => Configure(o, connectionString));
        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            builder.Services.AddHostedService<MigrateOnStartup<TDb>>();
        }
        builder.Services.AddScoped<IIdempotencyStore, IdempotencyStore<TDb>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDb>>(connectionName, tags: ["ready"]);
        return builder;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}
