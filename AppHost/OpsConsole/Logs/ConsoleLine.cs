namespace Reseller.AppHost.OpsConsole.Logs;

/// <summary>One line a resource wrote to its standard output or error (or the AppHost wrote about it).</summary>
public sealed record ConsoleLine(long Sequence, DateTimeOffset Time, string Source, string Text);
