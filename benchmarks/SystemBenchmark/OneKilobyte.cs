namespace Reseller.SystemBenchmark;

/// <summary>About the size of an account's JSON.</summary>
public sealed record OneKilobyte(string Id, string Name, string Padding);
