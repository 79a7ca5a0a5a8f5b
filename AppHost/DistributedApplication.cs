using System.Runtime.InteropServices;

using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;

namespace Reseller.AppHost;

public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly LogWriter _log;
    private readonly bool _interactive;
    private readonly PlatformSecrets _secrets;
    private readonly PostgresBinding? _postgres;
    private readonly RabbitMqBinding? _rabbitMq;
    private readonly IReadOnlyList<ProjectResource> _projects;
    private readonly Dictionary<string, ProjectReplica[]> _replicas = new(StringComparer.Ordinal);
    private readonly ProjectEnvironment _environment;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly Lock _gate = new();
    private bool _started;
    private bool _launched;
    private Task? _stopping;

    internal DistributedApplication(
        DistributedApplicationOptions options,
        IConfiguration configuration,
        PostgresServerResource? postgres,
        RabbitMqServerResource? rabbitMq,
        IReadOnlyList<ProjectResource> projects)
    {
        _log = new LogWriter(options.LogSink);
        _interactive = options.LogSink is null && !Console.IsOutputRedirected;
        DataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(AppHostInfo.RepositoryRoot, ".data"));
        Directory.CreateDirectory(DataDirectory);
        _secrets = PlatformSecrets.Load(configuration, DataDirectory);
        _projects = projects;
        if (postgres is not null)
        {
            _postgres = new PostgresBinding(postgres, configuration, options.EphemeralPorts, DataDirectory, _log);
        }

        if (rabbitMq is not null)
        {
            _rabbitMq = new RabbitMqBinding(rabbitMq, configuration, options.EphemeralPorts, DataDirectory, _log);
        }

        foreach (ProjectResource project in projects)
        {
            _replicas[project.Name] = [.. Enumerable.Range(0, project.Replicas).Select(index => CreateReplica(project, index, configuration, options.EphemeralPorts))];
        }

        Dictionary<string, string> shared = ProjectEnvironment.Shared(configuration, _secrets, DataDirectory);
        string? publicProjectUrl = projects.Where(p => p.HttpPort is not null).Select(p => _replicas[p.Name][0].Url).FirstOrDefault();
        if (PublicAddress.Of(configuration, publicProjectUrl) is { } publicUrl)
        {
            shared[PublicAddress.Variable] = publicUrl;
        }

        _environment = new ProjectEnvironment(
            shared,
            options.Environment,
            GetConnectionString,
            project => _replicas[project.Name]);
    }

    public string AdminKey => _secrets.AdminKey;

    public string DataDirectory { get; }

    public LocalPostgres? Postgres => _postgres?.Server;

    public LocalRabbitMq? RabbitMq => _rabbitMq?.Broker;

    public IReadOnlyList<ResourceState> Resources =>
    [
        .. _postgres?.States() ?? [],
        .. _rabbitMq is null ? Array.Empty<ResourceState>() : [_rabbitMq.State()],
        .. _projects.SelectMany(project => _replicas[project.Name])
            .Select(replica => new ResourceState(replica.InstanceName, "Project", replica.Url, replica.State, replica.Pid)),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping is not null, this);
            if (_started)
            {
                throw new InvalidOperationException("the application was already started");
            }

            _started = true;
        }

        try
        {
            Preflight();
            _launched = true;
            _log.Line("apphost", $"data in {DataDirectory}");
            await StartInfrastructureAsync(cancellationToken).ConfigureAwait(false);
            await StartProjectsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopEverythingAsync().ConfigureAwait(false);
            throw;
        }

        ResourceTable.Print(_log, Resources);
        ShowAdminKey();
    }

    // The operator's key is a secret: shown once, on the terminal of the start that created it, and never in a log
    // (a log sink, or output redirected to a file); otherwise only where to read it.
    private void ShowAdminKey()
    {
        if (_secrets.AdminKeyFile is null)
        {
            return;
        }

        if (_secrets.AdminKeyCreated && _interactive)
        {
            Console.Out.WriteLine($"[apphost] admin key (shown this once): {_secrets.AdminKey}  (kept in {_secrets.AdminKeyFile})");
        }
        else
        {
            _log.Line("apphost", $"admin key: in {_secrets.AdminKeyFile}");
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            _log.Line("apphost", $"{context.Signal} received: stopping everything");
            _ = stop.CancelAsync();
        }

        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal))
        {
            try
            {
                await StartAsync(stop.Token).ConfigureAwait(false);
                _log.Line("apphost", "running: press Ctrl+C to stop");
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            finally
            {
                await DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public Uri GetEndpoint(string projectName, int replica = 0) => new(Replica(projectName, replica).Url);

    public string GetConnectionString(string resourceName)
    {
        if (_postgres is not null && _postgres.Owns(resourceName))
        {
            return _postgres.ConnectionStringFor(resourceName);
        }

        if (_rabbitMq is not null && _rabbitMq.Name == resourceName)
        {
            return _rabbitMq.ConnectionString;
        }

        throw new ArgumentException($"no database or broker is named '{resourceName}'", nameof(resourceName));
    }

    public async Task StopProjectAsync(string name, int replica, bool kill)
    {
        ProjectReplica target = Replica(name, replica);
        await target.StopAsync(kill).ConfigureAwait(false);
        _log.Line("apphost", $"{target.InstanceName} {(kill ? "killed" : "stopped")}");
    }

    public async Task StartProjectAsync(string name, int replica, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopping is not null, this);
        ProjectReplica target = Replica(name, replica);
        await target.StartAsync(_environment.For(target), _http, cancellationToken).ConfigureAwait(false);
        _log.Line("apphost", $"{target.InstanceName} is running again on {target.Url} (pid {target.Pid})");
    }

    public async ValueTask DisposeAsync()
    {
        await StopEverythingAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private ProjectReplica CreateReplica(ProjectResource project, int index, IConfiguration configuration, bool ephemeralPorts)
    {
        if (index == 0 && project.HttpPort is int declared && !ephemeralPorts)
        {
            string section = ConfiguredPort.Section(project.Name);
            return new ProjectReplica(project, index, ConfiguredPort.Read(configuration, section) ?? declared, $"{section}__Port", _log);
        }

        return new ProjectReplica(project, index, Ports.Free(), null, _log);
    }

    private ProjectReplica Replica(string name, int replica)
    {
        if (!_replicas.TryGetValue(name, out ProjectReplica[]? replicas))
        {
            throw new ArgumentException($"no project is named '{name}'", nameof(name));
        }

        if (replica < 0 || replica >= replicas.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(replica), $"{name} has {replicas.Length} replica(s)");
        }

        return replicas[replica];
    }

    private void Preflight()
    {
        _postgres?.Preflight();
        _rabbitMq?.Preflight();
        foreach (ProjectReplica replica in _replicas.Values.Select(replicas => replicas[0]))
        {
            if (!File.Exists(replica.AssemblyPath))
            {
                throw new DistributedApplicationException($"{replica.Project.AssemblyName} is not built: run `dotnet build`");
            }
        }

        foreach (ProjectReplica replica in _replicas.Values.SelectMany(replicas => replicas))
        {
            if (replica.PortSetting is not null && !Ports.IsFree(replica.Port))
            {
                throw new DistributedApplicationException($"port {replica.Port} is taken: set {replica.PortSetting}");
            }
        }
    }

    private async Task StartInfrastructureAsync(CancellationToken cancellationToken)
    {
        using var group = new StartGroup(cancellationToken);
        if (_postgres is not null)
        {
            _ = group.Add(_postgres.StartAsync);
        }

        if (_rabbitMq is not null)
        {
            _ = group.Add(_rabbitMq.StartAsync);
        }

        await group.WhenAllAsync().ConfigureAwait(false);
    }

    private async Task StartProjectsAsync(CancellationToken cancellationToken)
    {
        using var group = new StartGroup(cancellationToken);
        var started = new Dictionary<ProjectResource, Task>();
        foreach (ProjectResource project in _projects)
        {
            Task[] dependencies = [.. project.ProjectReferences.Select(reference => started[reference])];
            started[project] = group.Add(async token =>
            {
                await Task.WhenAll(dependencies).ConfigureAwait(false);
                await Task.WhenAll(_replicas[project.Name].Select(replica => replica.StartAsync(_environment.For(replica), _http, token))).ConfigureAwait(false);
            });
        }

        await group.WhenAllAsync().ConfigureAwait(false);
    }

    private Task StopEverythingAsync()
    {
        lock (_gate)
        {
            return _stopping ??= StopCoreAsync();
        }
    }

    private async Task StopCoreAsync()
    {
        await Task.WhenAll(_replicas.Values.SelectMany(replicas => replicas).Select(replica => replica.StopAsync(kill: false))).ConfigureAwait(false);
        await Task.WhenAll(_rabbitMq?.StopAsync() ?? Task.CompletedTask, _postgres?.StopAsync() ?? Task.CompletedTask).ConfigureAwait(false);
        if (_launched)
        {
            _log.Line("apphost", "everything stopped");
        }
    }
}
