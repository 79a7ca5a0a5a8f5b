using System.Diagnostics;

using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.RabbitMq;

internal static class RabbitMqOrphans
{
    public static async Task StopAsync(string nodeName, string dataDirectory, LogWriter log, CancellationToken cancellationToken)
    {
        foreach (var pid in ProcFs.WithEnvironmentEntry("beam.smp", $"RABBITMQ_NODENAME={nodeName}").ToList())
        {
            if (!ProcFs.IsOrphan(pid))
            {
                throw new DistributedApplicationException($"RabbitMQ node {nodeName} is already running (pid {pid}): another AppHost is using {dataDirectory}");
            }

            log.Alert("apphost", $"stopping RabbitMQ node {nodeName} left running by an earlier AppHost (pid {pid})");
            Signals.Send(pid, Signals.Terminate);
            var waited = Stopwatch.StartNew();
            while (ProcFs.IsAlive(pid))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(20))
                {
                    Signals.Send(pid, Signals.Kill);
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
