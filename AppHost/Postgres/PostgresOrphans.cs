using System.Diagnostics;
using System.Globalization;

using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.Postgres;

internal static class PostgresOrphans
{
    public static async Task StopAsync(string dataDirectory, LogWriter log, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        var firstLine = File.Exists(pidFile) ? File.ReadLines(pidFile).FirstOrDefault() : null;
        if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !ProcFs.IsAlive(pid)
            || ProcFs.CommandName(pid) != "postgres")
        {
            return;
        }

        if (!ProcFs.IsOrphan(pid))
        {
            throw new DistributedApplicationException($"PostgreSQL in {dataDirectory} is already running (pid {pid}): another AppHost is using this data directory");
        }

        log.Alert("apphost", $"stopping PostgreSQL left running by an earlier AppHost (pid {pid})");
        Signals.Send(pid, Signals.Interrupt);
        var waited = Stopwatch.StartNew();
        while (ProcFs.IsAlive(pid))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                Signals.SendToGroup(pid, Signals.Kill);
                Signals.Send(pid, Signals.Kill);
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
