using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Contract;
using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;

namespace Reseller.AppHost.Telemetry;

/// <summary>
/// Receives the services' telemetry in the AppHost unless the user pointed them elsewhere (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>):
/// OTLP/HTTP on 127.0.0.1:4318 (<c>AppHost__OtlpHttp__Port</c>) and OTLP/gRPC on 127.0.0.1:4317 (<c>AppHost__OtlpGrpc__Port</c>),
/// each on any free port when taken or with ephemeral ports, into one store; every service's exporter is aimed at the HTTP one.
/// </summary>
internal sealed class TelemetryReception(IConfiguration configuration, IDictionary<string, string> extraEnvironment, bool ephemeralPorts) : IAsyncDisposable
{
    private const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public OtlpHttpReceiver? Receiver { get; private set; }

    public OtlpGrpcReceiver? GrpcReceiver { get; private set; }

    private bool ConfiguredElsewhere =>
        !string.IsNullOrWhiteSpace(configuration[EndpointVariable]) || extraEnvironment.ContainsKey(EndpointVariable);

    public async Task StartAsync(IDictionary<string, EnvironmentSource> sharedEnvironment, LogWriter log, CancellationToken cancellationToken)
    {
        if (ConfiguredElsewhere)
        {
            return;
        }
        var port = ephemeralPorts ? 0 : ConfiguredPort.Read(configuration, "AppHost:OtlpHttp") ?? OtlpHttpReceiver.DefaultPort;
        if (port != 0 && !Ports.IsFree(port))
        {
            log.Line("apphost", $"port {port} is taken: telemetry is received on a free port instead");
            port = 0;
        }
        var store = new TelemetryStore(TelemetryLimits.From(configuration));
        try
        {
            Receiver = await OtlpHttpReceiver.StartAsync(store, port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (port != 0)
        {
            // Taken between the check and the bind (another system starting at the same time).
            Receiver = await OtlpHttpReceiver.StartAsync(store, 0, cancellationToken).ConfigureAwait(false);
        }
        var grpcPort = FreeOr(ephemeralPorts ? 0 : ConfiguredPort.Read(configuration, "AppHost:OtlpGrpc") ?? OtlpGrpcReceiver.DefaultPort, log);
        try
        {
            GrpcReceiver = await OtlpGrpcReceiver.StartAsync(store, grpcPort, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (grpcPort != 0)
        {
            GrpcReceiver = await OtlpGrpcReceiver.StartAsync(store, 0, cancellationToken).ConfigureAwait(false);
        }
        sharedEnvironment[EndpointVariable] = new EnvironmentSource.Setting(Receiver.Endpoint.ToString().TrimEnd('/'));
        sharedEnvironment["OTEL_EXPORTER_OTLP_PROTOCOL"] = new EnvironmentSource.Setting("http/protobuf");
        // Metrics every 5 s rather than the SDK's 60 s, so the console's charts move while one watches.
        sharedEnvironment.TryAdd("OTEL_METRIC_EXPORT_INTERVAL", new EnvironmentSource.Setting(configuration["OTEL_METRIC_EXPORT_INTERVAL"] ?? "5000"));
        log.Line("apphost", $"telemetry received on {Receiver.Endpoint} (OTLP/HTTP protobuf) and {GrpcReceiver.Endpoint} (OTLP/gRPC)");
    }

    public async ValueTask DisposeAsync()
    {
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync().ConfigureAwait(false);
        }
        if (GrpcReceiver is not null)
        {
            await GrpcReceiver.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int FreeOr(int port, LogWriter log)
    {
        if (port != 0 && !Ports.IsFree(port))
        {
            log.Line("apphost", $"port {port} is taken: OTLP/gRPC is received on a free port instead");
            return 0;
        }
        return port;
    }
}
