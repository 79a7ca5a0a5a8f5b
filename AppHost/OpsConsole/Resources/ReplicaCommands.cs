using Reseller.AppHost.Logging;

namespace Reseller.AppHost.OpsConsole.Resources;

/// <summary>Stop, start or restart a project's replica from the console, in the background: the page shows it starting, then running.</summary>
internal sealed class ReplicaCommands(DistributedApplication app, LogWriter log)
{
    public static readonly string[] Names = ["stop", "start", "restart"];

    public bool Run(string project, int replica, string command)
    {
        if (!Names.Contains(command, StringComparer.Ordinal)
            || !app.ResourceDetails().Any(r => r.Project == project && r.Replica == replica))
        {
            return false;
        }
        _ = RunAsync(project, replica, command);
        return true;
    }

    private async Task RunAsync(string project, int replica, string command)
    {
        log.Line("apphost", $"console: {command} {project}-{replica}");
        try
        {
            await (command switch
            {
                "stop" => app.StopProjectAsync(project, replica, kill: false),
                "start" => app.StartProjectAsync(project, replica),
                _ => app.RestartProjectAsync(project, replica),
            }).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is DistributedApplicationException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            log.Alert("apphost", $"console: {command} {project}-{replica} failed: {failure.Message}");
        }
    }
}
