namespace Reseller.AppHost.Telemetry;

/// <summary>One instrument of one replica with one set of dimensions, and its latest points (bounded).</summary>
public sealed class MetricSeries(string service, string instance, string name, string unit, string description, string type, IReadOnlyList<TelemetryTag> dimensions, int capacity)
{
    private readonly BoundedBuffer<MetricPoint> points = new(capacity);

    public string Service => service;
    public string Instance => instance;
    public string Name => name;
    public string Unit => unit;
    public string Description => description;

    /// <summary>gauge, sum or histogram.</summary>
    public string Type => type;
    public IReadOnlyList<TelemetryTag> Dimensions => dimensions;
    public IReadOnlyList<MetricPoint> Points => points.Snapshot();
    public int Count => points.Count;

    internal void Add(MetricPoint point) => points.Add(point);
}
