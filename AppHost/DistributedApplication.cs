using System.Diagnostics;
using System.Runtime.InteropServices;

using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Contract;
using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;
using Reseller.AppHost.OpsConsole;
using Reseller.AppHost.OpsConsole.Access;
using Reseller.AppHost.OpsConsole.Logs;
using Reseller.AppHost.OpsConsole.Resources;
using Reseller.AppHost.Postgres;
using Reseller.AppHost.RabbitMq;
using Reseller.AppHost.Telemetry;

namespace Reseller.AppHost;

public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly LogWriter log;
    private readonly bool interactive;
    private readonly PlatformSecrets secrets;
    private readonly PostgresBinding? postgres;
    private readonly RabbitMqBinding? rabbitMq;
    private readonly IReadOnlyList<ProjectResource> projects;
    private readonly Dictionary<string, ProjectReplica[]> replicas = new(StringComparer.Ordinal);
    private readonly ProjectEnvironment environment;
    private readonly Dictionary<string, EnvironmentSource> sharedEnvironment;
    private readonly TelemetryReception telemetry;
    private readonly IConfiguration configuration;
    private readonly bool ephemeralPorts;
    private ConsoleHost? console;
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly Lock gate = new();
    private bool started;
    private bool launched;
    private Task? stopping;

    internal DistributedApplication(
        DistributedApplicationOptions options,
        IConfiguration configuration,
        PostgresServerResource? postgres,
        RabbitMqServerResource? rabbitMq,
        IReadOnlyList<ProjectResource> projects)
    {
        log = new LogWriter(options.LogSink, ConsoleLogs.Add);
        this.configuration = configuration;
        ephemeralPorts = options.EphemeralPorts;
        ConsoleAccess = ConsoleAccess.Create(options.Args.Contains(ConsoleAccess.UnsecuredFlag, StringComparer.Ordinal));
        interactive = options.LogSink is null && !Console.IsOutputRedirected;
        DataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(AppHostInfo.RepositoryRoot, ".data"));
        Directory.CreateDirectory(DataDirectory);
        secrets = PlatformSecrets.Load(configuration, DataDirectory);
        this.projects = projects;
        if (postgres is not null)
        {
            this.postgres = new PostgresBinding(postgres, configuration, options.EphemeralPorts, DataDirectory, log);
        }

        if (rabbitMq is not null)
        {
            this.rabbitMq = new RabbitMqBinding(rabbitMq, configuration, options.EphemeralPorts, DataDirectory, log);
        }

        foreach (var project in projects)
        {
            replicas[project.Name] = [.. Enumerable.Range(0, project.Replicas).Select(index => CreateReplica(project, index, configuration, options.EphemeralPorts))];
        }

        var shared = ProjectEnvironment.Shared(configuration, secrets);
        var publicProjectUrl = projects.Where(p => p.HttpPort is not null).Select(p => replicas[p.Name][0].Url).FirstOrDefault();
        if (PublicAddress.Of(configuration, publicProjectUrl) is { } publicUrl)
        {
            shared[PublicAddress.Variable] = new EnvironmentSource.Setting(publicUrl);
        }

        sharedEnvironment = shared;
        telemetry = new TelemetryReception(configuration, options.Environment, options.EphemeralPorts);
        environment = new ProjectEnvironment(
            new ProjectEnvironmentContract(shared, project => project.Replicas),
            options.Environment,
            DataDirectory,
            GetConnectionString,
            project => replicas[project.Name]);
    }

    public string AdminKey => secrets.AdminKey;

    public string DataDirectory { get; }

    public LocalPostgres? Postgres => postgres?.Server;

    public LocalRabbitMq? RabbitMq => rabbitMq?.Broker;

    /// <summary>The telemetry received from the services, or null when they export to an endpoint the user configured.</summary>
    public TelemetryStore? Telemetry => telemetry.Receiver?.Store;

    public Uri? TelemetryEndpoint => telemetry.Receiver?.Endpoint;

    /// <summary>What each resource wrote to its console, for the ops console.</summary>
    public ConsoleLogStore ConsoleLogs { get; } = new();

    /// <summary>The ops console's address, once started.</summary>
    public Uri? ConsoleUrl => console?.Url;

    public ConsoleAccess ConsoleAccess { get; }

    /// <summary>Every resource and replica as the console shows it.</summary>
    public IReadOnlyList<ResourceDetails> ResourceDetails() =>
    [
        .. Resources.Where(resource => resource.Kind != "Project").Select(OpsConsole.Resources.ResourceDetails.Of),
        .. projects.SelectMany(project => replicas[project.Name]).Select(replica => new ResourceDetails(
            replica.InstanceName, "Project", replica.Project.Name, replica.Index, replica.State, replica.Pid, replica.StartedAt, replica.Restarts, replica.Url)),
    ];

    /// <summary>A replica's environment with its secrets masked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MaskedEnvironmentOf(string projectName, int replica) =>
        [.. EnvironmentOf(projectName, replica).OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => KeyValuePair.Create(entry.Key, EnvironmentMask.Mask(entry.Key, entry.Value)))];

    public async Task RestartProjectAsync(string name, int replica, CancellationToken cancellationToken = default)
    {
        await StopProjectAsync(name, replica, kill: false).ConfigureAwait(false);
        await StartProjectAsync(name, replica, cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<ResourceState> Resources =>
    [
        .. postgres?.States() ?? [],
        .. rabbitMq is null ? Array.Empty<ResourceState>() : [rabbitMq.State()],
        .. projects.SelectMany(project => replicas[project.Name])
            .Select(replica => new ResourceState(replica.InstanceName, "Project", replica.Url, replica.State, replica.Pid)),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stopping is not null, this);
            if (started)
            {
                throw new InvalidOperationException("the application was already started");
            }

            started = true;
        }

        try
        {
            var elapsed = Stopwatch.StartNew();
            Preflight();
            launched = true;
            log.Line("apphost", $"data in {DataDirectory}");
            await telemetry.StartAsync(sharedEnvironment, log, cancellationToken).ConfigureAwait(false);
            console = await ConsoleHost.StartAsync(this, configuration, ephemeralPorts, log, cancellationToken).ConfigureAwait(false);
            await StartInfrastructureAsync(cancellationToken).ConfigureAwait(false);
            await StartProjectsAsync(cancellationToken).ConfigureAwait(false);
            log.Line("apphost", $"everything healthy in {elapsed.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            await StopEverythingAsync().ConfigureAwait(false);
            throw;
        }

        ResourceTable.Print(log, [.. Resources, new ResourceState("console", "Console", console.Url.ToString().TrimEnd('/'), "Running", Environment.ProcessId)]);
        ShowAdminKey();
        console.ShowLogin(log, interactive);
    }

    // The operator's key is a secret: shown once, on the terminal of the start that created it, and never in a log
    // (a log sink, or output redirected to a file); otherwise only where to read it.
    private void ShowAdminKey()
    {
        if (secrets.AdminKeyFile is null)
        {
            return;
        }

        if (secrets.AdminKeyCreated && interactive)
        {
            Console.Out.WriteLine($"[apphost] admin key (shown this once): {secrets.AdminKey}  (kept in {secrets.AdminKeyFile})");
        }
        else
        {
            log.Line("apphost", $"admin key: in {secrets.AdminKeyFile}");
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            log.Line("apphost", $"{context.Signal} received: stopping everything");
            _ = stop.CancelAsync();
        }

        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal))
        {
            try
            {
                await StartAsync(stop.Token).ConfigureAwait(false);
                log.Line("apphost", "running: press Ctrl+C to stop");
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

    /// <summary>The environment a replica is (or would be) started with: what a cluster deployment must match.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentOf(string projectName, int replica = 0) => environment.For(Replica(projectName, replica));

    public Uri GetEndpoint(string projectName, int replica = 0) => new(Replica(projectName, replica).Url);

    /// <summary>How many replicas of the project this system runs.</summary>
    public int ReplicasOf(string projectName) =>
        replicas.TryGetValue(projectName, out var ofProject) ? ofProject.Length : throw new ArgumentException($"no project is named '{projectName}'", nameof(projectName));

    public string GetConnectionString(string resourceName)
    {
        if (postgres is not null && postgres.Owns(resourceName))
        {
            return postgres.ConnectionStringFor(resourceName);
        }

        if (rabbitMq is not null && rabbitMq.Name == resourceName)
        {
            return rabbitMq.ConnectionString;
        }

        throw new ArgumentException($"no database or broker is named '{resourceName}'", nameof(resourceName));
    }

    public async Task StopProjectAsync(string name, int replica, bool kill)
    {
        var target = Replica(name, replica);
        await target.StopAsync(kill).ConfigureAwait(false);
        log.Line("apphost", $"{target.InstanceName} {(kill ? "killed" : "stopped")}");
    }

    public async Task StartProjectAsync(string name, int replica, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(stopping is not null, this);
        var target = Replica(name, replica);
        await target.StartAsync(environment.For(target), http, cancellationToken).ConfigureAwait(false);
        log.Line("apphost", $"{target.InstanceName} is running again on {target.Url} (pid {target.Pid})");
    }

    public async ValueTask DisposeAsync()
    {
        await StopEverythingAsync().ConfigureAwait(false);
        http.Dispose();
    }

    private ProjectReplica CreateReplica(ProjectResource project, int index, IConfiguration configuration, bool ephemeralPorts)
    {
        if (index == 0 && project.HttpPort is int declared && !ephemeralPorts)
        {
            var section = ConfiguredPort.Section(project.Name);
            return new ProjectReplica(project, index, ConfiguredPort.Read(configuration, section) ?? declared, $"{section}__Port", log);
        }

        return new ProjectReplica(project, index, Ports.Free(), null, log);
    }

    private ProjectReplica Replica(string name, int replica)
    {
        if (!this.replicas.TryGetValue(name, out var replicas))
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
        postgres?.Preflight();
        rabbitMq?.Preflight();
        foreach (var replica in replicas.Values.Select(replicas => replicas[0]))
        {
            if (!File.Exists(replica.AssemblyPath))
            {
                throw new DistributedApplicationException($"{replica.Project.AssemblyName} is not built: run `dotnet build`");
            }
        }

        foreach (var replica in replicas.Values.SelectMany(replicas => replicas))
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
        if (postgres is not null)
        {
            _ = group.Add(postgres.StartAsync);
        }

        if (rabbitMq is not null)
        {
            _ = group.Add(rabbitMq.StartAsync);
        }

        await group.WhenAllAsync().ConfigureAwait(false);
    }

    // Projects start once the broker listens: started beside RabbitMQ's boot (itself CPU-bound) they slowed it and then waited
    // out MassTransit's reconnect delay, 4-8 s later in all. A project waits for the projects it references.
    private async Task StartProjectsAsync(CancellationToken cancellationToken)
    {
        using var group = new StartGroup(cancellationToken);
        var started = new Dictionary<ProjectResource, Task>();
        foreach (var project in projects)
        {
            Task[] dependencies = [.. project.ProjectReferences.Select(reference => started[reference])];
            started[project] = group.Add(async token =>
            {
                await Task.WhenAll(dependencies).ConfigureAwait(false);
                await Task.WhenAll(replicas[project.Name].Select(replica => replica.StartAsync(environment.For(replica), http, token))).ConfigureAwait(false);
            });
        }

        await group.WhenAllAsync().ConfigureAwait(false);
    }

    private Task StopEverythingAsync()
    {
        lock (gate)
        {
            return stopping ??= StopCoreAsync();
        }
    }

    private async Task StopCoreAsync()
    {
        await Task.WhenAll(replicas.Values.SelectMany(replicas => replicas).Select(replica => replica.StopAsync(kill: false))).ConfigureAwait(false);
        await Task.WhenAll(rabbitMq?.StopAsync() ?? Task.CompletedTask, postgres?.StopAsync() ?? Task.CompletedTask).ConfigureAwait(false);
        await telemetry.DisposeAsync().ConfigureAwait(false);
        if (console is not null)
        {
            await console.DisposeAsync().ConfigureAwait(false);
        }
        if (launched)
        {
            log.Line("apphost", "everything stopped");
        }
    }
}
