using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Logging;
using Reseller.AppHost.RabbitMq;

namespace Reseller.AppHost.Hosting;

// The application's broker: our own LocalRabbitMq, or an existing one when
// ConnectionStrings:<name> is configured (then nothing is started).
internal sealed class RabbitMqBinding
{
    private const string PortSection = "RabbitMQ";
    private readonly RabbitMqServerResource _resource;
    private readonly string _dataDirectory;
    private readonly LogWriter _log;
    private readonly string? _external;
    private readonly int _port;
    private readonly int? _fixedPort;
    private bool _ready;

    public RabbitMqBinding(RabbitMqServerResource resource, IConfiguration configuration, bool ephemeralPorts, string dataDirectory, LogWriter log)
    {
        _resource = resource;
        _dataDirectory = dataDirectory;
        _log = log;
        _external = configuration.GetConnectionString(resource.Name);
        if (string.IsNullOrWhiteSpace(_external))
        {
            _external = null;
            _fixedPort = ephemeralPorts ? null : ConfiguredPort.Read(configuration, PortSection);
            _port = _fixedPort ?? Ports.Free();
        }
    }

    public string Name => _resource.Name;

    public LocalRabbitMq? Broker { get; private set; }

    public string ConnectionString => _external ?? $"amqp://guest:guest@127.0.0.1:{_port}/";

    public void Preflight()
    {
        if (_external is not null)
        {
            return;
        }

        RabbitMqInstallation.EnsureInstalled();
        if (_fixedPort is int port && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set {PortSection}__Port");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_external is not null)
        {
            _log.Line("apphost", $"using the RabbitMQ broker of ConnectionStrings:{_resource.Name}");
        }
        else
        {
            Broker = await LocalRabbitMq.StartAsync(_dataDirectory, _port, _log, _resource.Name, cancellationToken).ConfigureAwait(false);
        }

        _ready = true;
    }

    public async Task StopAsync()
    {
        if (Broker is not null)
        {
            await Broker.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ResourceState State()
    {
        string url = _external is null ? $"amqp://127.0.0.1:{_port}/" : "(ConnectionStrings:" + _resource.Name + ")";
        string state = Broker?.State ?? (_ready ? "Running" : "NotStarted");
        return new ResourceState(_resource.Name, _external is null ? "RabbitMQ" : "RabbitMQ (existing)", url, state, Broker?.ProcessId);
    }
}
