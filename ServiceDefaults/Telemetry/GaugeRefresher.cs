using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>
/// Refreshes every registered <see cref="IGaugeSource"/> once per interval (<c>Telemetry:GaugeRefreshSeconds</c>, 10 s by
/// default): one query per gauge per replica per interval, however often Prometheus or the OTLP exporter reads them.
/// </summary>
public sealed partial class GaugeRefresher(
    IServiceScopeFactory scopes,
    IEnumerable<IGaugeSource> sources,
    IConfiguration configuration,
    ILogger<GaugeRefresher> logger) : BackgroundService
{
    public const string IntervalSetting = "Telemetry:GaugeRefreshSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue(IntervalSetting, 10.0));
        using var timer = new PeriodicTimer(interval);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var source in sources)
            {
                try
                {
                    await source.RefreshAsync(scope.ServiceProvider, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRefreshFailed(source.GetType().Name, ex);
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refreshing the gauge source {Source} failed; its last values stay")]
    private partial void LogRefreshFailed(string source, Exception exception);
}
