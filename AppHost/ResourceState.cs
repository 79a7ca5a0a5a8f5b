namespace Reseller.AppHost;

// State is one of NotStarted, Starting, Running, Exited(code), Stopped.
// Name is the instance name for projects ("billing-1"), the resource name otherwise.
public sealed record ResourceState(string Name, string Kind, string Url, string State, int? Pid);
