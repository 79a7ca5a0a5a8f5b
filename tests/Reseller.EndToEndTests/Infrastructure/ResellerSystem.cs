using System.Collections.Concurrent;
using System.Reflection;

using Reseller.AppHost;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// The whole system started from the AppHost's own model (the role Aspire.Hosting.Testing plays elsewhere): real
/// PostgreSQL, RabbitMQ, every service and the gateway, on free ports, with telemetry exported to a receiver here.
/// </summary>
public sealed class ResellerSystem : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// The services the shared system runs two instances of, as the production overlay does (deploy/k8s/overlays/production),
    /// so that every test crosses replicas, and <c>ReplicaFailoverTests</c>, last, can kill one of each.
    /// </summary>
    public static readonly string[] ReplicatedServices = [ResellerResources.Billing.Name, ResellerResources.Accounts.Name, ResellerResources.Partners.Name, ResellerResources.Credits.Name];

    private readonly string dataDirectoryName;
    private readonly string[] args;
    private readonly Action<IDictionary<string, string>, ApplicationModel, DistributedApplication>? setup;
    private readonly bool appHostKeepsTelemetry;

    private DistributedApplication? app;
    private StreamWriter logFile = StreamWriter.Null;

    public OtlpTraceReceiver Telemetry { get; private set; } = null!;
    public ConcurrentQueue<string> Logs { get; } = new();
    public Uri GatewayUrl { get; private set; } = null!;
    public string AdminKey => app!.AdminKey;
    public DistributedApplication App => app!;

    private static int created;

    /// <summary>The system the end-to-end test classes share (an assembly fixture), in a data directory of its own.</summary>
    public ResellerSystem()
        : this($"e2e-{Interlocked.Increment(ref created)}", [.. ReplicatedServices.Select(service => $"--{service}:Replicas=2")])
    {
    }

    /// <summary>The systems this test process has started, for readers of what every system writes (their mail folders).</summary>
    public static ConcurrentQueue<ResellerSystem> Started { get; } = new();

    /// <summary>
    /// Another system beside the shared one (its own data directory), started with these AppHost arguments; its telemetry goes
    /// to the AppHost's own receiver (the ops console's stores) rather than to <see cref="Telemetry"/> when <paramref name="appHostKeepsTelemetry"/>.
    /// </summary>
    /// <param name="setup">
    /// Called once the system is built, before it starts, with the variables every process is given, the model's projects and
    /// the built system (its addresses): changes what the processes are given.
    /// </param>
    internal ResellerSystem(
        string dataDirectoryName,
        string[] args,
        Action<IDictionary<string, string>, ApplicationModel, DistributedApplication>? setup = null,
        bool appHostKeepsTelemetry = false)
    {
        this.dataDirectoryName = dataDirectoryName;
        this.args = args;
        this.setup = setup;
        this.appHostKeepsTelemetry = appHostKeepsTelemetry;
    }

    public async Task InitializeAsync()
    {
        Telemetry = await OtlpTraceReceiver.StartAsync();
        // Fresh servers each run, so no database or queue left by another version of the code can interfere.
        var dataDirectory = TestRunDirectory.Create(RepositoryRoot(), dataDirectoryName);
        logFile = new StreamWriter(Path.Combine(dataDirectory, "system.log"), append: false) { AutoFlush = true };
        var options = new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = line =>
            {
                Logs.Enqueue(line);
                lock (logFile)
                {
                    logFile.WriteLine(line);
                }
            },
            Args = args,
            Environment = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                // Tests look for particular spans, so none may be lost while the two cores run every test at once: the default
                // queue (2,048 spans) drops a burst, and a batch whose export outlives the default 10 s timeout is dropped unless retried.
                ["OTEL_BSP_MAX_QUEUE_SIZE"] = "100000",
                ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "60000",
                ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
                // Every test logs in from 127.0.0.1, hundreds of times a run; the limit itself is tested in AnonymousCallerLimitsTests.
                ["Gateway__AnonymousRequestsPerMinute"] = "1000000",
                // The OpenAPI walk and the failover test each send over a thousand calls of one partner within a minute or two;
                // the per-partner limit itself is tested in CredentialCallerLimitsTests.
                ["Gateway__PartnerRequestsPerMinute"] = "1000000",
                // Hundreds of logins and account creations a run; OWASP's 210,000 PBKDF2 rounds (the default) cost ~1 s each on
                // a loaded test machine. The figure itself is tested in PasswordHashingTests.
                ["Passwords__Pbkdf2Iterations"] = "10000",
                // The database-backed gauges (outbox, renewal lag, accounts by status) refresh every 10 s by default.
                ["Telemetry__GaugeRefreshSeconds"] = "2",
            },
        };
        if (appHostKeepsTelemetry)
        {
            options.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
            options.Environment.Remove("OTEL_EXPORTER_OTLP_PROTOCOL");
            options.Environment.Remove("OTEL_METRIC_EXPORT_INTERVAL");
        }
        var builder = ResellerModel.Declare(DistributedApplicationBuilder.Create(options));
        app = builder.Build();
        setup?.Invoke(options.Environment, builder.Model(), app);
        await using var turn = await SystemStartGate.EnterAsync(RepositoryRoot());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await app.StartAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The system did not start. Last log lines:\n{string.Join('\n', Logs.TakeLast(80))}", ex);
        }
        GatewayUrl = app.GetEndpoint(ResellerResources.Gateway.Name);
        Started.Enqueue(this);
    }

    /// <summary>Where the services write the mails they send (.eml files).</summary>
    public string MailDirectory => Path.Combine(App.DataDirectory, "mail");

    public GatewayClient Client() => new(new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromMinutes(2) }, AdminKey);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        await Telemetry.DisposeAsync();
        await logFile.DisposeAsync();
        KeepLog();
    }

    // The data directory goes with the run; its processes' log is kept beside the test results, for a failure to be read after.
    private void KeepLog()
    {
        var log = app is null ? null : Path.Combine(app.DataDirectory, "system.log");
        if (log is not null && File.Exists(log))
        {
            var kept = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults", "logs"));
            File.Copy(log, Path.Combine(kept.FullName, $"{dataDirectoryName}-{Environment.ProcessId}.log"), overwrite: true);
        }
    }

    public void Dispose() => logFile.Dispose();

    internal static string RepositoryRoot() =>
        typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
}
