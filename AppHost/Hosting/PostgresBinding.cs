using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Logging;
using Reseller.AppHost.Postgres;

namespace Reseller.AppHost.Hosting;

// The application's PostgreSQL: our own LocalPostgres, or an existing server when
// ConnectionStrings:<name> is configured (then nothing is started).
internal sealed class PostgresBinding
{
    private const string PortSection = "Postgres";
    private readonly PostgresServerResource _resource;
    private readonly string _dataDirectory;
    private readonly LogWriter _log;
    private readonly PostgresConnection _connection;
    private readonly int? _fixedPort;
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private bool _ready;

    public PostgresBinding(PostgresServerResource resource, IConfiguration configuration, bool ephemeralPorts, string dataDirectory, LogWriter log)
    {
        _resource = resource;
        _dataDirectory = dataDirectory;
        _log = log;
        string? external = configuration.GetConnectionString(resource.Name);
        IsExternal = !string.IsNullOrWhiteSpace(external);
        if (IsExternal)
        {
            _connection = PostgresConnection.Parse(external!, $"ConnectionStrings:{resource.Name}");
            return;
        }

        _fixedPort = ephemeralPorts ? null : ConfiguredPort.Read(configuration, PortSection);
        _connection = PostgresConnection.Local(_fixedPort ?? Ports.Free(), PostgresPassword.LoadOrCreate(dataDirectory).Value);
    }

    public bool IsExternal { get; }

    public LocalPostgres? Server { get; private set; }

    public string ServerConnectionString => _connection.ForDatabase(_connection.Database);

    public void Preflight()
    {
        if (IsExternal)
        {
            return;
        }

        PostgresInstallation.EnsureInstalled();
        if (_fixedPort is int port && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set {PortSection}__Port");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            _log.Line("apphost", $"using the PostgreSQL server at {_connection.Host}:{_connection.Port} (ConnectionStrings:{_resource.Name})");
        }
        else
        {
            Server = await LocalPostgres.StartAsync(_dataDirectory, _connection.Port, _log, _resource.Name, cancellationToken).ConfigureAwait(false);
        }

        _ready = true;
        foreach (PostgresDatabaseResource database in _resource.Databases)
        {
            await Psql.CreateDatabaseAsync(_connection, database.Name, cancellationToken).ConfigureAwait(false);
            _created.Add(database.Name);
        }
    }

    public Task StopAsync() => Server?.StopAsync() ?? Task.CompletedTask;

    public bool Owns(string name) => name == _resource.Name || _resource.Databases.Any(database => database.Name == name);

    public string ConnectionStringFor(string name) =>
        name == _resource.Name ? ServerConnectionString : _connection.ForDatabase(name);

    public IEnumerable<ResourceState> States()
    {
        string url = $"postgres://{_connection.Host}:{_connection.Port}";
        string serverState = Server?.State ?? (_ready ? "Running" : "NotStarted");
        yield return new ResourceState(_resource.Name, IsExternal ? "PostgreSQL (existing)" : "PostgreSQL", url, serverState, Server?.ProcessId);
        foreach (PostgresDatabaseResource database in _resource.Databases)
        {
            string state = _created.Contains(database.Name) ? serverState : "NotStarted";
            yield return new ResourceState(database.Name, "PostgreSQL database", $"{url}/{database.Name}", state, null);
        }
    }
}
