namespace Reseller.AppHost;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    public string? DataDirectory { get; init; }

    public bool EphemeralPorts { get; init; }

    public Action<string>? LogSink { get; init; }

    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
