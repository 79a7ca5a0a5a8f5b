namespace Reseller.AppHost.Processes;

internal sealed record ChildProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyList<string> RemovedVariablePrefixes { get; init; } = [];

    public int StopSignal { get; init; } = Signals.Terminate;

    public string? RunAsUser { get; init; }
}
