namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>Measures what an observable gauge shows (a query, a queue depth) when <see cref="GaugeRefresher"/> asks.</summary>
public interface IGaugeSource
{
    Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken);
}
