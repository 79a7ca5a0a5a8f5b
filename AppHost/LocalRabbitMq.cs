using System.Diagnostics;
using System.Globalization;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;
using Reseller.AppHost.RabbitMq;

namespace Reseller.AppHost;

public sealed class LocalRabbitMq : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private readonly string _dataDirectory;
    private readonly RabbitMqFiles _files;
    private readonly LogWriter _log;
    private readonly string _name;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ChildProcess? _process;
    private bool _epmdWasRunning = true;
    private bool _disposed;
    private volatile string _state = "NotStarted";

    private LocalRabbitMq(string dataDirectory, int port, LogWriter log, string name)
    {
        _dataDirectory = dataDirectory;
        _files = new RabbitMqFiles(Path.Combine(dataDirectory, "rabbitmq"));
        _log = log;
        _name = name;
        Port = port;
        NodeName = $"reseller-{DataPaths.Tag(dataDirectory)}@localhost";
    }

    public string NodeName { get; }

    public int Port { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public int? ProcessId => _process is { HasExited: false } process ? process.Pid : null;

    internal string State => _state;

    public static Task<LocalRabbitMq> StartAsync(string dataDirectory, int port, Action<string>? log, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, port, new LogWriter(log), "rabbitmq", cancellationToken);

    internal static async Task<LocalRabbitMq> StartAsync(string dataDirectory, int port, LogWriter log, string name, CancellationToken cancellationToken)
    {
        RabbitMqInstallation.EnsureInstalled();
        if (port != 0 && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set RabbitMQ__Port");
        }

        var broker = new LocalRabbitMq(Path.GetFullPath(dataDirectory), port == 0 ? Ports.Free() : port, log, name)
        {
            _epmdWasRunning = await Epmd.NamesAsync(cancellationToken).ConfigureAwait(false) is not null
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
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_process is { HasExited: false })
            {
                return;
            }

            var elapsed = Stopwatch.StartNew();
            _files.Prepare();
            await RabbitMqOrphans.StopAsync(NodeName, _dataDirectory, _log, cancellationToken).ConfigureAwait(false);
            _state = "Starting";
            _process = await ChildProcess.StartAsync(Spec(), _log, OnExitedOnItsOwn).ConfigureAwait(false);
            await WaitUntilReadyAsync(_process, cancellationToken).ConfigureAwait(false);
            _state = "Running";
            _log.Line("apphost", $"RabbitMQ ready on 127.0.0.1:{Port} in {elapsed.Elapsed.TotalSeconds:0.0} s (node {NodeName}, data in {_files.Root})");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await StopCoreAsync().ConfigureAwait(false);
            if (!_epmdWasRunning)
            {
                await Epmd.StopIfUnusedAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopCoreAsync()
    {
        ChildProcess? process = _process;
        if (process is null || process.StopRequested)
        {
            return;
        }

        bool wasRunning = !process.HasExited;
        await process.StopAsync(StopGrace, kill: false).ConfigureAwait(false);
        if (wasRunning)
        {
            _state = "Stopped";
            _log.Line("apphost", "RabbitMQ stopped");
        }
    }

    private ChildProcessSpec Spec() =>
        new(_name, RabbitMqInstallation.Server, [], _files.Root)
        {
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = _files.Root,
                ["RABBITMQ_NODENAME"] = NodeName,
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_DIST_PORT"] = Ports.Free().ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_MNESIA_BASE"] = _files.Mnesia,
                ["RABBITMQ_LOG_BASE"] = _files.Logs,
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = _files.EnabledPlugins,
                ["RABBITMQ_CONFIG_FILE"] = _files.Config,
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = _files.AdvancedConfig,
                ["RABBITMQ_CONF_ENV_FILE"] = _files.EnvironmentFile,
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
                string log = Path.Combine(_files.Logs, $"{NodeName}.log");
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
        _state = $"Exited({code})";
        _log.Alert("apphost", $"RabbitMQ ({_name}) exited with code {code}; it is not restarted");
    }
}
