using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Logging;
using Reseller.AppHost.RabbitMq;

namespace Reseller.AppHost.Hosting;

// The application's broker: our own LocalRabbitMq, or an existing one when
// ConnectionStrings:<name> is configured (then nothing is started).
internal sealed class RabbitMqBinding
{
    private const string PortSection = "RabbitMQ";
    private readonly RabbitMqServerResource resource;
    private readonly string dataDirectory;
    private readonly LogWriter log;
    private readonly string? external;
    private readonly int port;
    private readonly int? fixedPort;
    private bool ready;

    public RabbitMqBinding(RabbitMqServerResource resource, IConfiguration configuration, bool ephemeralPorts, string dataDirectory, LogWriter log)
    {
        this.resource = resource;
        this.dataDirectory = dataDirectory;
        this.log = log;
        external = configuration.GetConnectionString(resource.Name);
        if (string.IsNullOrWhiteSpace(external))
        {
            external = null;
            fixedPort = ephemeralPorts ? null : ConfiguredPort.Read(configuration, PortSection);
            port = fixedPort ?? Ports.Free();
        }
    }

    public string Name => resource.Name;

    public LocalRabbitMq? Broker { get; private set; }

    public string ConnectionString => external ?? $"amqp://guest:guest@127.0.0.1:{port}/";

    public void Preflight()
    {
        if (external is not null)
        {
            return;
        }

        RabbitMqInstallation.EnsureInstalled();
        if (fixedPort is int port && !Ports.IsFree(port))
        {
            throw new DistributedApplicationException($"port {port} is taken: set {PortSection}__Port");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (external is not null)
        {
            log.Line("apphost", $"using the RabbitMQ broker of ConnectionStrings:{resource.Name}");
        }
        else
        {
            Broker = await LocalRabbitMq.StartAsync(dataDirectory, port, log, resource.Name, cancellationToken).ConfigureAwait(false);
        }

        ready = true;
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
        var url = external is null ? $"amqp://127.0.0.1:{port}/" : "(ConnectionStrings:" + resource.Name + ")";
        var state = Broker?.State ?? (ready ? "Running" : "NotStarted");
        return new ResourceState(resource.Name, external is null ? "RabbitMQ" : "RabbitMQ (existing)", url, state, Broker?.ProcessId);
    }
}
