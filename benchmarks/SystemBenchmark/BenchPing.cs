namespace Reseller.SystemBenchmark;

/// <summary>The message of the raw MassTransit round trip.</summary>
public sealed record BenchPing(Guid Id, long SentAt);
