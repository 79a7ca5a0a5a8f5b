using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

using Microsoft.Extensions.Logging;

using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

using Reseller.AppHost.Telemetry;

namespace Reseller.EndToEndTests.OpsConsole;

/// <summary>
/// The AppHost's OTLP/gRPC receiver, fed by the real OpenTelemetry exporter speaking gRPC (HTTP/2 without TLS) in this process:
/// spans, logs and metrics land in the same store as over OTLP/HTTP. No system is started.
/// </summary>
public sealed class OtlpGrpcReceiverTests : IAsyncLifetime
{
    private readonly string name = "otlp-grpc-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly TelemetryStore store = new(new TelemetryLimits(MaxSpans: 100, MaxLogs: 100, MaxSeries: 20, MaxPointsPerSeries: 10));
    private OtlpGrpcReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await OtlpGrpcReceiver.StartAsync(store, port: 0);

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public void Spans_logs_and_metrics_exported_over_grpc_reach_the_store()
    {
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        var payments = meter.CreateCounter<long>("reseller.payments");
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(name).AddOtlpExporter(Grpc).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource());
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(Grpc);
        })))
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(name)
            .AddOtlpExporter((o, reader) =>
            {
                Grpc(o);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000;
            }).Build())
        {
            using (var root = source.StartActivity("renewal run", ActivityKind.Internal)!)
            {
                traceId = root.TraceId.ToHexString();
                logging.CreateLogger("Renewals").LogInformation("Renewed {Count} accounts", 3);
            }
            payments.Add(2, new KeyValuePair<string, object?>("outcome", "succeeded"));
            Assert.True(tracing.ForceFlush());
            Assert.True(metrics.ForceFlush());
        }

        var span = Assert.Single(store.Trace(traceId));
        Assert.Equal(("billing", "billing-0", "renewal run"), (span.Service, span.Instance, span.Name));
        Assert.Equal("Renewed 3 accounts", Assert.Single(store.Logs, l => l.TraceId == traceId).Message);
        Assert.Equal(2, Assert.Single(store.Series, s => s.Name == "reseller.payments").Points[^1].Value);
    }

    [Fact]
    public async Task A_malformed_message_is_refused_with_invalid_argument_and_changes_nothing()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var content = new ByteArrayContent([0, 0, 0, 0, 3, 0x0a, 0x05, 0x01]);
        content.Headers.ContentType = new("application/grpc");
        using var response = await http.PostAsync(new Uri(receiver.Endpoint, "/opentelemetry.proto.collector.trace.v1.TraceService/Export"), content);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
        Assert.Equal(0, store.SpanCount);
    }

    private static ResourceBuilder Resource() =>
        ResourceBuilder.CreateEmpty().AddService("billing", serviceInstanceId: "billing-0", autoGenerateServiceInstanceId: false);

    private void Grpc(OtlpExporterOptions options)
    {
        options.Endpoint = receiver.Endpoint;
        options.Protocol = OtlpExportProtocol.Grpc;
        options.ExportProcessorType = ExportProcessorType.Simple;
    }
}
