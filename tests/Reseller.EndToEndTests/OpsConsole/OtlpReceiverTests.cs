using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;

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
/// The AppHost's OTLP/HTTP receiver and its bounded stores, fed by the real OpenTelemetry exporter (the services' own) in this
/// process: no system is started. Each test has its own receiver on a free port and its own source and meter names.
/// </summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private readonly string name = "otlp-test-" + Guid.NewGuid().ToString("N")[..8];
    private OtlpHttpReceiver receiver = null!;

    private TelemetryStore Store => receiver.Store;

    public async Task InitializeAsync() =>
        receiver = await OtlpHttpReceiver.StartAsync(new TelemetryStore(new TelemetryLimits(MaxSpans: 100, MaxLogs: 100, MaxSeries: 20, MaxPointsPerSeries: 10)), port: 0);

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public void A_trace_keeps_its_tree_attributes_events_error_and_the_logs_written_inside_it()
    {
        using var source = new ActivitySource(name);
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource("billing", "billing-1")).AddSource(name)
            .AddOtlpExporter(o => Exporter(o, "traces")).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource("billing", "billing-1"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Exporter(e, "logs"));
        })))
        {
            var logger = logging.CreateLogger("Charges");
            using (var root = source.StartActivity("POST /api/v1/accounts", ActivityKind.Server)!)
            {
                traceId = root.TraceId.ToHexString();
                root.SetTag("http.response.status_code", 201);
                using var child = source.StartActivity("charge", ActivityKind.Internal)!;
                child.SetTag("payment.id", "p-1");
                child.AddEvent(new ActivityEvent("declined", tags: new ActivityTagsCollection { ["code"] = "card_declined" }));
                child.SetStatus(ActivityStatusCode.Error, "declined");
                logger.LogWarning("Invoice {InvoiceId} card payment failed", "inv-1");
            }
            tracing.ForceFlush();
        }

        var spans = Store.Trace(traceId);
        Assert.Equal(2, spans.Count);
        var (rootSpan, childSpan) = (spans[0], spans[1]);
        Assert.Equal("POST /api/v1/accounts", rootSpan.Name);
        Assert.Null(rootSpan.ParentSpanId);
        Assert.Equal(rootSpan.SpanId, childSpan.ParentSpanId);
        Assert.Equal(("billing", "billing-1"), (childSpan.Service, childSpan.Instance));
        Assert.Contains(new TelemetryTag("http.response.status_code", "201"), rootSpan.Attributes);
        Assert.Contains(new TelemetryTag("payment.id", "p-1"), childSpan.Attributes);
        Assert.True(childSpan.IsError);
        var declined = Assert.Single(childSpan.Events);
        Assert.Equal("declined", declined.Name);
        Assert.Contains(new TelemetryTag("code", "card_declined"), declined.Attributes);
        Assert.True(childSpan.End >= childSpan.Start && rootSpan.Duration >= childSpan.Duration);

        var summary = Assert.Single(Store.Traces(), t => t.TraceId == traceId);
        Assert.Equal((2, true, "billing: POST /api/v1/accounts"), (summary.SpanCount, summary.HasError, summary.Name));

        var log = Assert.Single(Store.Logs, l => l.TraceId == traceId);
        Assert.Equal(childSpan.SpanId, log.SpanId);
        Assert.Equal("Warning", log.Level);
        Assert.Equal("Invoice inv-1 card payment failed", log.Message);
        Assert.Contains(new TelemetryTag("InvoiceId", "inv-1"), log.Attributes);
    }

    [Fact]
    public void Metrics_keep_each_instrument_with_its_dimensions_and_values()
    {
        using var meter = new Meter(name);
        var payments = meter.CreateCounter<long>("reseller.payments");
        var duration = meter.CreateHistogram<double>("reseller.charge.duration", unit: "s");
        meter.CreateObservableGauge("reseller.outbox.pending", () => 7L);
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource("billing", "billing-0")).AddMeter(name)
            .AddOtlpExporter((o, reader) =>
            {
                Exporter(o, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000;
            }).Build())
        {
            payments.Add(3, new KeyValuePair<string, object?>("outcome", "succeeded"));
            payments.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            duration.Record(0.2);
            duration.Record(0.4);
            metrics.ForceFlush();
        }

        var series = Store.Series.Where(s => s.Service == "billing").ToList();
        Assert.Equal(3, Value(series, "reseller.payments", ("outcome", "succeeded")));
        Assert.Equal(1, Value(series, "reseller.payments", ("outcome", "failed")));
        Assert.Equal(7, Value(series, "reseller.outbox.pending"));
        var histogram = Assert.Single(series, s => s.Name == "reseller.charge.duration");
        Assert.Equal(("histogram", "s"), (histogram.Type, histogram.Unit));
        var point = histogram.Points[^1];
        Assert.Equal(2, point.Count);
        Assert.Equal(0.3, point.Value, precision: 6);
    }

    [Fact]
    public void Under_load_every_store_stays_at_its_limit_keeping_the_newest()
    {
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        var requests = meter.CreateCounter<long>("requests");
        var lastTrace = "";
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource("gateway", "gateway-0")).AddSource(name)
            .AddOtlpExporter(o => Exporter(o, "traces")).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource("gateway", "gateway-0"));
            o.AddOtlpExporter(e => Exporter(e, "logs"));
        })))
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource("gateway", "gateway-0")).AddMeter(name)
            .AddOtlpExporter((o, reader) =>
            {
                Exporter(o, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000;
            }).Build())
        {
            var logger = logging.CreateLogger("Load");
            for (var i = 0; i < 2_000; i++)
            {
                using var activity = source.StartActivity("request " + i)!;
                lastTrace = activity.TraceId.ToHexString();
                logger.LogInformation("Request {Number}", i);
                requests.Add(1, new KeyValuePair<string, object?>("route", "r" + (i % 50)));
                if (i % 100 == 0)
                {
                    metrics.ForceFlush();
                }
            }
            tracing.ForceFlush();
        }

        Assert.Equal(100, Store.SpanCount);
        Assert.Equal(100, Store.LogCount);
        Assert.Equal(20, Store.SeriesCount);
        Assert.Equal(10, Store.MaxPointsInAnySeries);
        Assert.Equal("request 1999", Store.Trace(lastTrace).Single().Name);
        Assert.Equal("1999", Store.Logs[^1].Attributes.Single(a => a.Key == "Number").Value);
    }

    [Fact]
    public async Task A_body_that_is_not_otlp_protobuf_is_refused_and_changes_nothing()
    {
        using var http = new HttpClient();
        using var garbage = new ByteArrayContent([0x0A, 0xFF, 0xFF, 0xFF, 0x0F]);
        garbage.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(new Uri(receiver.Endpoint, "/v1/traces"), garbage)).StatusCode);
        using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync(new Uri(receiver.Endpoint, "/v1/logs"), json)).StatusCode);
        Assert.Equal((0, 0), (Store.SpanCount, Store.LogCount));
    }

    private static ResourceBuilder Resource(string service, string instance) =>
        ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: instance, autoGenerateServiceInstanceId: false);

    private void Exporter(OtlpExporterOptions options, string signal)
    {
        options.Endpoint = new Uri(receiver.Endpoint, "/v1/" + signal);
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.ExportProcessorType = ExportProcessorType.Simple;
    }

    private static double Value(IEnumerable<MetricSeries> series, string instrument, params (string Key, string Value)[] dimensions) =>
        Assert.Single(series, s => s.Name == instrument && dimensions.All(d => s.Dimensions.Contains(new TelemetryTag(d.Key, d.Value)))).Points[^1].Value;
}
