using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Logging;
using Reseller.AppHost.Postgres;

namespace Reseller.AppHost.Hosting;

// The application's PostgreSQL: our own LocalPostgres, or an existing server when
// ConnectionStrings:<name> is configured (then nothing is started).
internal sealed class PostgresBinding
{
    private const string PortSection = "Postgres";
    private readonly PostgresServerResource resource;
    private readonly string dataDirectory;
    private readonly LogWriter log;
    private readonly PostgresConnection connection;
    private readonly int? fixedPort;
    private readonly HashSet<string> created = new(StringComparer.Ordinal);
    private bool ready;

    public PostgresBinding(PostgresServerResource resource, IConfiguration configuration, bool ephemeralPorts, string dataDirectory, LogWriter log)
    {
        this.resource = resource;
        this.dataDirectory = dataDirectory;
        this.log = log;
        var external = configuration.GetConnectionString(resource.Name);
        IsExternal = !string.IsNullOrWhiteSpace(external);
        if (IsExternal)
        {
            connection = PostgresConnection.Parse(external!, $"ConnectionStrings:{resource.Name}");
            return;
        }

        fixedPort = ephemeralPorts ? null : ConfiguredPort.Read(configuration, PortSection);
        connection = PostgresConnection.Local(fixedPort ?? Ports.Free(), PostgresPassword.LoadOrCreate(dataDirectory).Value);
    }

    public bool IsExternal { get; }

    public LocalPostgres? Server { get; private set; }

    public string ServerConnectionString => connection.ForDatabase(connection.Database);

    public void Preflight()
    {
        if (IsExternal)
        {
            return;
        }

        PostgresInstallation.EnsureInstalled();
        if (fixedPort is int port && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set {PortSection}__Port");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            log.Line("apphost", $"using the PostgreSQL server at {connection.Host}:{connection.Port} (ConnectionStrings:{resource.Name})");
        }
        else
        {
            Server = await LocalPostgres.StartAsync(dataDirectory, connection.Port, log, resource.Name, cancellationToken).ConfigureAwait(false);
        }

        ready = true;
        foreach (var database in resource.Databases)
        {
            await Psql.CreateDatabaseAsync(connection, database.Name, cancellationToken).ConfigureAwait(false);
            created.Add(database.Name);
        }
    }

    public Task StopAsync() => Server?.StopAsync() ?? Task.CompletedTask;

    public bool Owns(string name) => name == resource.Name || resource.Databases.Any(database => database.Name == name);

    public string ConnectionStringFor(string name) =>
        name == resource.Name ? ServerConnectionString : connection.ForDatabase(name);

    public IEnumerable<ResourceState> States()
    {
        var url = $"postgres://{connection.Host}:{connection.Port}";
        var serverState = Server?.State ?? (ready ? "Running" : "NotStarted");
        yield return new ResourceState(resource.Name, IsExternal ? "PostgreSQL (existing)" : "PostgreSQL", url, serverState, Server?.ProcessId);
        foreach (var database in resource.Databases)
        {
            var state = created.Contains(database.Name) ? serverState : "NotStarted";
            yield return new ResourceState(database.Name, "PostgreSQL database", $"{url}/{database.Name}", state, null);
        }
    }
}
