using System.Diagnostics.Metrics;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>
/// The last values an <see cref="IGaugeSource"/> measured, read by an observable gauge's callback: an export or a scrape
/// reads memory, never the database or the broker.
/// </summary>
public sealed class GaugeReadings<T> where T : struct
{
    private volatile Measurement<T>[] current = [];

    public IEnumerable<Measurement<T>> Read() => current;

    public void Set(T value) => current = [new Measurement<T>(value)];

    public void Set(IEnumerable<Measurement<T>> values) => current = [.. values];
}
