namespace Reseller.AppHost.Telemetry;

/// <summary>One exported value of a metric series: a gauge or sum's value, a histogram's count and sum.</summary>
public sealed record MetricPoint(DateTimeOffset Time, double Value, long? Count = null, double? Sum = null);
