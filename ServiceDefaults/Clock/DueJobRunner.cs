using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Clock;

/// <summary>Runs every registered due job on a timer, and on demand when the sandbox clock moves.</summary>
public sealed partial class DueJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DueJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim oneRunAtATime = new(1, 1);

    public async Task<IReadOnlyDictionary<string, int>> RunAllAsync(CancellationToken cancellationToken)
    {
        await oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            await using var scope = scopes.CreateAsyncScope();
            foreach (var job in scope.ServiceProvider.GetServices<IDueJob>())
            {
                counts[job.Name] = await job.RunDueAsync(clock.GetUtcNow(), cancellationToken);
            }
            return counts;
        }
        finally
        {
            oneRunAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunAllAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A due job failed; it runs again at the next tick")]
    private partial void LogRunFailed(Exception exception);
}
