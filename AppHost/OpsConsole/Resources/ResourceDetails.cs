namespace Reseller.AppHost.OpsConsole.Resources;

/// <summary>A resource or a project's replica as the console lists it.</summary>
public sealed record ResourceDetails(
    string Name,
    string Kind,
    string? Project,
    int? Replica,
    string State,
    int? Pid,
    DateTimeOffset? StartedAt,
    int Restarts,
    string Url)
{
    public bool IsProject => Project is not null && Replica is not null;

    public bool IsRunning => State == "Running";

    public static ResourceDetails Of(ResourceState state) =>
        new(state.Name, state.Kind, null, null, state.State, state.Pid, null, 0, state.Url);
}
