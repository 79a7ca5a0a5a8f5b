using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Applies pending migrations before the service starts serving (replicas starting together queue on a PostgreSQL
/// advisory lock, so one migrates and the others find nothing left to do); or, by <see cref="MigrationMode"/>, waits for a
/// migrations job to apply them, or is that job.
/// </summary>
public sealed class MigrateOnStartup<TDb>(IServiceScopeFactory scopes, MigrationMode mode, ILogger<MigrateOnStartup<TDb>> logger) : IHostedService
    where TDb : DbContext
{
    private const long MigrationLockKey = 7_262_011_301;
    private static readonly TimeSpan WaitInterval = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case MigrationMode.Wait:
                await WaitUntilAppliedAsync(cancellationToken);
                break;
            case MigrationMode.Only:
                await ApplyAsync(cancellationToken);
                logger.LogInformation("Migrations of {Database} are applied; exiting, as {Setting} is 'only'", typeof(TDb).Name, MigrationModes.Key);
                await Console.Out.FlushAsync(cancellationToken);
                // A migrations job is done here: exiting before the next hosted service starts keeps it from consuming
                // messages or claiming renewals for the moment it would otherwise run as a replica.
                Environment.Exit(0);
                break;
            case MigrationMode.Apply:
                await ApplyAsync(cancellationToken);
                break;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migrations to {Database}", pending.Count, typeof(TDb).Name);
                    await db.Database.MigrateAsync(cancellationToken);
                }
            }
            finally
            {
                // The lock is the session's, and the pool does not reset a returned connection (DatabaseExtensions.WithoutSessionReset).
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task WaitUntilAppliedAsync(CancellationToken cancellationToken)
    {
        var announced = false;
        while (true)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TDb>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    return;
                }

                if (!announced)
                {
                    logger.LogInformation("Waiting for {Count} migrations of {Database} to be applied by the migrations job ({Setting} is 'wait')", pending.Count, typeof(TDb).Name, MigrationModes.Key);
                    announced = true;
                }
            }

            await Task.Delay(WaitInterval, cancellationToken);
        }
    }
}
