using System.Diagnostics;
using System.Globalization;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.Postgres;

public sealed class LocalPostgres : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly PostgresPaths paths;
    private readonly LogWriter log;
    private readonly string name;
    private readonly Lock gate = new();
    private ChildProcess? process;
    private Task? stopping;
    private volatile string state = "NotStarted";

    private LocalPostgres(PostgresPaths paths, int port, string password, LogWriter log, string name)
    {
        this.paths = paths;
        Connection = PostgresConnection.Local(port, password);
        this.log = log;
        this.name = name;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor("postgres");

    public string DataDirectory => paths.DataDirectory;

    public int? ProcessId => this.process is { HasExited: false } process ? process.Pid : null;

    internal string State => state;

    internal PostgresConnection Connection { get; }

    public static Task<LocalPostgres> StartAsync(string dataDirectory, int port, Action<string>? log, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, port, new LogWriter(log), "postgres", cancellationToken);

    internal static async Task<LocalPostgres> StartAsync(string dataDirectory, int port, LogWriter log, string name, CancellationToken cancellationToken)
    {
        PostgresInstallation.EnsureInstalled();
        if (port != 0 && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set Postgres__Port");
        }

        var elapsed = Stopwatch.StartNew();
        dataDirectory = Path.GetFullPath(dataDirectory);
        var paths = await PostgresLayout.PrepareAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        var password = PostgresPassword.LoadOrCreate(dataDirectory);
        var existed = PostgresCluster.Exists(paths);
        if (!existed)
        {
            await PostgresCluster.InitialiseAsync(paths, password.Value, log, name, cancellationToken).ConfigureAwait(false);
        }

        await PostgresOrphans.StopAsync(paths.DataDirectory, log, cancellationToken).ConfigureAwait(false);
        var server = new LocalPostgres(paths, port == 0 ? Ports.Free() : port, password.Value, log, name);
        try
        {
            await server.RunAsync(cancellationToken).ConfigureAwait(false);
            if (existed && password.Created)
            {
                await Psql.RunAsSuperuserAsync(paths, server.Port, $"ALTER USER postgres PASSWORD '{password.Value}'", cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        log.Line("apphost", $"PostgreSQL ready on 127.0.0.1:{server.Port} in {elapsed.Elapsed.TotalSeconds:0.0} s (data in {paths.DataDirectory})");
        return server;
    }

    public string ConnectionStringFor(string database) => Connection.ForDatabase(database);

    public Task CreateDatabaseAsync(string name, CancellationToken cancellationToken) =>
        Psql.CreateDatabaseAsync(Connection, name, cancellationToken);

    public Task StopAsync()
    {
        lock (gate)
        {
            return stopping ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopCoreAsync()
    {
        var process = this.process;
        if (process is null)
        {
            return;
        }

        var wasRunning = !process.HasExited;
        await process.StopAsync(StopGrace, kill: false).ConfigureAwait(false);
        if (wasRunning)
        {
            state = "Stopped";
            log.Line("apphost", "PostgreSQL stopped");
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        var spec = new ChildProcessSpec(
            name,
            PostgresInstallation.Tool("postgres"),
            ["-D", paths.DataDirectory, "-p", port, "-k", paths.SocketDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
            paths.DataDirectory)
        {
            StopSignal = Signals.Interrupt,
            RunAsUser = "postgres",
        };
        state = "Starting";
        process = await ChildProcess.StartAsync(spec, log, OnExitedOnItsOwn).ConfigureAwait(false);
        await WaitUntilReadyAsync(process, port, cancellationToken).ConfigureAwait(false);
        state = "Running";
    }

    private async Task WaitUntilReadyAsync(ChildProcess process, string port, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var probe = new ToolCommand(PostgresInstallation.Tool("pg_isready"), ["-q", "-h", "127.0.0.1", "-p", port, "-t", "2"]);
        while (true)
        {
            if (process.HasExited)
            {
                throw new DistributedApplicationException($"PostgreSQL exited with code {await process.Exited.ConfigureAwait(false)} while starting (see the [{name}] lines above)");
            }

            if ((await ToolRunner.RunAsync(probe, cancellationToken).ConfigureAwait(false)).Succeeded)
            {
                return;
            }

            if (waited.Elapsed > ReadyTimeout)
            {
                throw new DistributedApplicationException($"PostgreSQL did not accept connections on 127.0.0.1:{port} within {ReadyTimeout.TotalSeconds:0} s");
            }

            await Task.WhenAny(process.Exited, Task.Delay(250, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void OnExitedOnItsOwn(int code)
    {
        state = $"Exited({code})";
        log.Alert("apphost", $"PostgreSQL ({name}) exited with code {code}; it is not restarted");
    }
}
