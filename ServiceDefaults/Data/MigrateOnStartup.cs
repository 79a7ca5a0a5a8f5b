using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Applies pending migrations before the service starts serving. Replicas starting together queue on a PostgreSQL
/// advisory lock, so one migrates and the others find nothing left to do.
/// </summary>
public sealed class MigrateOnStartup<TDb>(IServiceScopeFactory scopes, ILogger<MigrateOnStartup<TDb>> logger) : IHostedService
    where TDb : DbContext
{
    private const long MigrationLockKey = 7_262_011_301;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations to {Database}", pending.Count, typeof(TDb).Name);
                await db.Database.MigrateAsync(cancellationToken);
            }
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
