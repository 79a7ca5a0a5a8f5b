namespace Reseller.AppHost.Processes;

internal sealed record ToolCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? RunAsUser { get; init; }

    public string? WorkingDirectory { get; init; }
}
