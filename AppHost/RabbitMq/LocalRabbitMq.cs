using System.Diagnostics;
using System.Globalization;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.RabbitMq;

public sealed class LocalRabbitMq : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private readonly string dataDirectory;
    private readonly RabbitMqFiles files;
    private readonly LogWriter log;
    private readonly string name;
    private readonly SemaphoreSlim gate = new(1, 1);
    private ChildProcess? process;
    private bool epmdWasRunning = true;
    private bool disposed;
    private volatile string state = "NotStarted";

    private LocalRabbitMq(string dataDirectory, int port, LogWriter log, string name, IReadOnlyList<string> virtualHosts)
    {
        this.dataDirectory = dataDirectory;
        files = new RabbitMqFiles(Path.Combine(dataDirectory, "rabbitmq"), virtualHosts);
        this.log = log;
        this.name = name;
        Port = port;
        NodeName = $"reseller-{DataPaths.Tag(dataDirectory)}@localhost";
    }

    public string NodeName { get; }

    public int Port { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    /// <summary>The connection string of one of the virtual hosts the broker was started with.</summary>
    public string ConnectionStringOf(string virtualHost) =>
        files.VirtualHosts.Contains(virtualHost)
            ? ConnectionString + Uri.EscapeDataString(virtualHost)
            : throw new ArgumentException($"the broker was not started with the virtual host '{virtualHost}'", nameof(virtualHost));

    public int? ProcessId => this.process is { HasExited: false } process ? process.Pid : null;

    internal string State => state;

    /// <summary>
    /// Starts a broker; <paramref name="virtualHosts"/> are created at boot beside the default one, open to the guest user
    /// (each an isolated set of exchanges and queues, so services in one process can share the broker without sharing messages).
    /// </summary>
    public static Task<LocalRabbitMq> StartAsync(string dataDirectory, int port, Action<string>? log, CancellationToken cancellationToken, IReadOnlyList<string>? virtualHosts = null) =>
        StartAsync(dataDirectory, port, new LogWriter(log), "rabbitmq", cancellationToken, virtualHosts);

    internal static async Task<LocalRabbitMq> StartAsync(string dataDirectory, int port, LogWriter log, string name, CancellationToken cancellationToken, IReadOnlyList<string>? virtualHosts = null)
    {
        RabbitMqInstallation.EnsureInstalled();
        if (port != 0 && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set RabbitMQ__Port");
        }

        var broker = new LocalRabbitMq(Path.GetFullPath(dataDirectory), port == 0 ? Ports.Free() : port, log, name, virtualHosts ?? [])
        {
            epmdWasRunning = await Epmd.NamesAsync(cancellationToken).ConfigureAwait(false) is not null
        };
        try
        {
            await broker.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return broker;
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (process is { HasExited: false })
            {
                return;
            }

            var elapsed = Stopwatch.StartNew();
            files.Prepare();
            await RabbitMqOrphans.StopAsync(NodeName, dataDirectory, log, cancellationToken).ConfigureAwait(false);
            state = "Starting";
            process = await ChildProcess.StartAsync(Spec(), log, OnExitedOnItsOwn).ConfigureAwait(false);
            await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
            state = "Running";
            log.Line("apphost", $"RabbitMQ ready on 127.0.0.1:{Port} in {elapsed.Elapsed.TotalSeconds:0.0} s (node {NodeName}, data in {files.Root})");
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            await StopCoreAsync().ConfigureAwait(false);
            if (!epmdWasRunning)
            {
                await Epmd.StopIfUnusedAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task StopCoreAsync()
    {
        var process = this.process;
        if (process is null || process.StopRequested)
        {
            return;
        }

        var wasRunning = !process.HasExited;
        await process.StopAsync(StopGrace, kill: false).ConfigureAwait(false);
        if (wasRunning)
        {
            state = "Stopped";
            log.Line("apphost", "RabbitMQ stopped");
        }
    }

    private ChildProcessSpec Spec() =>
        new(name, RabbitMqInstallation.Server, [], files.Root)
        {
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = files.Root,
                ["RABBITMQ_NODENAME"] = NodeName,
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_DIST_PORT"] = Ports.Free().ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_MNESIA_BASE"] = files.Mnesia,
                ["RABBITMQ_LOG_BASE"] = files.Logs,
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = files.EnabledPlugins,
                ["RABBITMQ_CONFIG_FILE"] = files.Config,
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = files.AdvancedConfig,
                ["RABBITMQ_CONF_ENV_FILE"] = files.EnvironmentFile,
                ["NOTIFY_SOCKET"] = null,
            },
            RemovedVariablePrefixes = ["RABBITMQ_"],
            StopSignal = Signals.Terminate,
        };

    private async Task WaitUntilReadyAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var log = Path.Combine(files.Logs, $"{NodeName}.log");
                throw new DistributedApplicationException($"RabbitMQ exited with code {await process.Exited.ConfigureAwait(false)} while starting (see {log})");
            }

            if (await AmqpProbe.AcceptsConnectionAsync(Port, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (waited.Elapsed > ReadyTimeout)
            {
                throw new DistributedApplicationException($"RabbitMQ did not accept AMQP connections on 127.0.0.1:{Port} within {ReadyTimeout.TotalSeconds:0} s");
            }

            await Task.WhenAny(process.Exited, Task.Delay(250, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void OnExitedOnItsOwn(int code)
    {
        state = $"Exited({code})";
        log.Alert("apphost", $"RabbitMQ ({name}) exited with code {code}; it is not restarted");
    }
}
