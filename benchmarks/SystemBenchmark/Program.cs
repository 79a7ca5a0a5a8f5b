using System.Globalization;
using System.Reflection;

using Reseller.AppHost;
using Reseller.SystemBenchmark;

// The issue's rows in one run, each beside this machine's floor measured in the same run. Build Release first:
//   dotnet build -c Release benchmarks/SystemBenchmark
//   dotnet benchmarks/SystemBenchmark/bin/Release/net10.0/Reseller.SystemBenchmark.dll [--quick]
// --quick (about two minutes) shortens every load and leaves out the renewal and credit programs and the ./run.sh start.
// --create-seconds N holds the create load N seconds (the quick mode's 15 s are mostly a system still compiling its code);
// --create-warmup-seconds N creates accounts for N seconds before it (the full mode's 60 s, by 4 clients, until all are active).
// --create-clients N creates with N clients instead of the issue's 16, --creates-per-second N at most N a second (a load the
// machine keeps up with, to read create → active alone).
// --read-seconds N holds each GET row N seconds (a short row measures the JIT compiling the read path as much as the reads),
// after --read-warmup-seconds N of the same reads (the quick mode's 2 s, the full mode's 20 s).
// --env KEY=VALUE (repeatable) adds to every service's environment, to compare a setting (e.g. --env DOTNET_gcServer=1).
if (args.Contains(IdleMinimalApi.Argument, StringComparer.Ordinal))
{
    await IdleMinimalApi.ServeAsync();
    return;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var mode = BenchmarkMode.From(args);
var root = typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
var report = new Report();
static void Say(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss} load {LoadAverage()}] {line}");

Say($"System benchmark ({mode.Name}{string.Concat(args.Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => " " + a))}): {Environment.ProcessorCount} cores, .NET {Environment.Version}, repository {root}");

LoadResult bareKestrel, bareYarp;
await using (var bare = await BareEndpoints.StartAsync())
{
    bareKestrel = await ReadFlow.MeasureBareAsync(bare.KestrelUrl, mode.BaselineDuration);
    Say($"baseline bare Kestrel, 1 KB JSON, {ReadFlow.Connections} connections: {bareKestrel}");
    bareYarp = await ReadFlow.MeasureBareAsync(bare.YarpUrl, mode.BaselineDuration);
    Say($"baseline bare YARP hop to it: {bareYarp}");
}

var serviceEnvironment = args.Zip(args.Skip(1)).Where(pair => pair.First == "--env").Select(pair => pair.Second.Split('=', 2))
    .ToDictionary(pair => pair[0], pair => pair[1]);
await using var system = await BenchmarkSystem.StartAsync(serviceEnvironment);
Say($"system started in {system.StartTime.TotalSeconds:F1} s (PostgreSQL, RabbitMQ, every service, gateway healthy)");

var commits = await PostgresCommits.MeasureAsync(system.AccountsDb, mode.BaselineDuration);
Say($"baseline PostgreSQL commits, {PostgresCommits.Clients} clients: {commits}");
var messages = await MassTransitRoundTrip.MeasureAsync(system.App.GetConnectionString(ResellerResources.Messaging), mode.BaselineDuration);
Say($"baseline MassTransit publish→consume, {MassTransitRoundTrip.Publishers} publishers: {messages.PerSecond:F0} msg/s ({messages.Completed:N0})");

var cpuGroups = SystemCpu.GroupsOf(system.App, "services");
cpuGroups["machine"] = ProcessCpu.MachineBusySeconds;
var createCpu = new CpuMeter(cpuGroups);
var replicaCpu = new CpuMeter(SystemCpu.EachService(system.App));
var databaseBefore = DatabaseActivity.None;
var (creates, activations) = await CreateFlow.MeasureAsync(system, mode.CreateClients, mode.CreatePace, mode.CreateDuration, mode.CreateWarmUp, () =>
{
    databaseBefore = DatabaseActivity.ReadAsync(system.AccountsDb).GetAwaiter().GetResult();
    createCpu.Start();
    replicaCpu.Start();
}, (warmUpCreates, warmUpActivations) =>
{
    Say($"warm-up, account create through the gateway, {CreateFlow.WarmUpClients} clients, {mode.CreateWarmUp.TotalSeconds:F0} s: {warmUpCreates}");
    Say($"warm-up, create → active: {warmUpActivations.Completed:N0} active, {warmUpActivations.Failed:N0} not active; p50 {warmUpActivations.P50:F0} ms, p99 {warmUpActivations.P99:F0} ms");
});
var activated = Math.Max(1, activations.Completed);
var perGroup = createCpu.PerOperation(activated);
var perReplica = replicaCpu.PerOperation(activated);
var databaseAfter = await DatabaseActivity.ReadAsync(system.AccountsDb);
Say($"cost per paid account created and activated (from the measured creates to the last activation, {activated} accounts): CPU "
    + perGroup
    + $" (by replica: {perReplica})"
    + $"; PostgreSQL {databaseAfter.TransactionsPer(databaseBefore, activated)}, {(databaseAfter.WalBytes - databaseBefore.WalBytes) / 1024.0 / activated:F1} KB of WAL");
Say($"account create through the gateway, {mode.CreateClients} clients, {mode.CreateDuration.TotalSeconds:F0} s: {creates}");
Say($"create → active: {activations.Completed:N0} active, {activations.Failed:N0} not active 120 s after the last create; p50 {activations.P50:F0} ms, p99 {activations.P99:F0} ms");
report.Add($"account create, {mode.CreateClients} clients", $"{creates.PerSecond:F0}/s", $"PostgreSQL {commits.PerSecond:F0} commits/s", creates.PerSecond / commits.PerSecond, "≥ 300/s", creates.PerSecond >= 300);
report.Add("create p99", $"{creates.P99:F0} ms (p50 {creates.P50:F0})", $"commit p99 {commits.P99:F1} ms", creates.P99 / commits.P99, "≤ 150 ms", creates.P99 <= 150);
report.Add("create → active p99", $"{activations.P99:F0} ms (p50 {activations.P50:F0}, {activations.Failed} never)", $"MassTransit {messages.PerSecond:F0} msg/s", null, "≤ 1,000 ms", activations.Failed == 0 && activations.P99 <= 1000);

var quiet = await QuietMachine.WaitAsync(TimeSpan.FromMinutes(3));
Say(quiet is { } after ? $"the flows' trailing work done, machine quiet after {after.TotalSeconds:F0} s" : "the machine was still busy after 3 min; the GET rows share it");
var paths = await ReadFlow.AccountPathsAsync(system);
var readCpu = new CpuMeter(cpuGroups);
var direct = await ReadFlow.MeasureAsync(system, system.Accounts, paths, mode.ReadWarmUp, mode.ReadDuration, readCpu.Start);
Say($"GET /api/v1/accounts/{{id}} direct to Accounts, {ReadFlow.Connections} connections: {direct}; CPU per GET: {readCpu.PerOperation(direct.Completed)}");
var gateway = await ReadFlow.MeasureAsync(system, system.Gateway, paths, mode.ReadWarmUp, mode.ReadDuration, readCpu.Start);
Say($"GET /api/v1/accounts/{{id}} through the gateway: {gateway}; CPU per GET: {readCpu.PerOperation(gateway.Completed)}");
report.Add("GET account direct", $"{direct.PerSecond:F0} rps (p99 {direct.P99:F1} ms)", $"bare Kestrel {bareKestrel.PerSecond:F0} rps", direct.PerSecond / bareKestrel.PerSecond, "-", null);
report.Add("GET account via gateway", $"{gateway.PerSecond:F0} rps (p99 {gateway.P99:F1} ms)", $"bare YARP {bareYarp.PerSecond:F0} rps", gateway.PerSecond / bareYarp.PerSecond, "≥ 5,000 rps", gateway.PerSecond >= 5000);
report.Add("gateway / direct", $"{gateway.PerSecond / direct.PerSecond:F2}×", $"bare YARP / Kestrel {bareYarp.PerSecond / bareKestrel.PerSecond:F2}×", null, "≥ 0.8×", gateway.PerSecond / direct.PerSecond >= 0.8);

await Task.Delay(mode.IdleWait);
var floor = await IdleMinimalApi.MeasureAsync(TimeSpan.FromSeconds(5));
var services = system.App.Resources.Where(r => r.Kind == "Project" && r.Pid is not null)
    .Select(r => (r.Name, Mb: ResidentMemory.OfProcess(r.Pid!.Value) ?? 0, Pss: ResidentMemory.ProportionalOfProcess(r.Pid!.Value) ?? 0)).ToList();
var total = services.Sum(s => s.Mb);
var totalPss = services.Sum(s => s.Pss);
Say($"idle after the flows ({mode.IdleWait.TotalSeconds:F0} s), RSS (PSS): " + string.Join(", ", services.Select(s => $"{s.Name} {s.Mb:F0} ({s.Pss:F0}) MB")) + $"; services total {total:F0} ({totalPss:F0}) MB");
var largest = services.MaxBy(s => s.Mb);
var largestPss = services.MaxBy(s => s.Pss);
report.Add("idle memory, services total RSS", $"{total:F0} MB", $"idle minimal API {floor:F0} MB", total / (floor ?? double.NaN), "≤ 1,000 MB", total <= 1000);
report.Add("idle memory, services total PSS", $"{totalPss:F0} MB", $"idle minimal API {floor:F0} MB", totalPss / (floor ?? double.NaN), "≤ 1,000 MB", totalPss <= 1000);
report.Add("idle memory, largest service RSS", $"{largest.Name} {largest.Mb:F0} MB", $"idle minimal API {floor:F0} MB", largest.Mb / (floor ?? double.NaN), "≤ 120 MB", largest.Mb <= 120);
report.Add("idle memory, largest service PSS", $"{largestPss.Name} {largestPss.Pss:F0} MB", $"idle minimal API {floor:F0} MB", largestPss.Pss / (floor ?? double.NaN), "≤ 120 MB", largestPss.Pss <= 120);
await system.DisposeAsync();

if (mode.MeasureWarmStart)
{
    var warm = await WarmStart.MeasureAsync(root);
    Say($"./run.sh warm → gateway healthy: {warm.TotalSeconds:F1} s");
    report.Add("./run.sh warm → gateway healthy", $"{warm.TotalSeconds:F1} s", "-", null, "≤ 12 s", warm.TotalSeconds <= 12);
}
if (mode.Renewals > 0)
{
    Say($"renewals (benchmarks/RenewalBenchmark {mode.Renewals} 1,3):");
    var lines = await ChildBenchmark.RunAsync(root, "RenewalBenchmark", "Reseller.RenewalBenchmark", mode.Renewals.ToString(CultureInfo.InvariantCulture), "1,3");
    var rates = new Dictionary<int, double>();
    foreach (var line in lines.Where(l => l.Length > 0 && char.IsDigit(l.TrimStart()[0])))
    {
        // replicas, accounts, seconds, renewals/s, p50 s, p99 s, charge p99 ms, duplicates, missed
        var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var perSecond = double.Parse(columns[3], CultureInfo.InvariantCulture);
        var exact = columns[7] == "0" && columns[8] == "0";
        rates[int.Parse(columns[0], CultureInfo.InvariantCulture)] = perSecond;
        report.Add($"renewals, {columns[0]} instance(s)", $"{perSecond:F0}/s (dup {columns[7]}, missed {columns[8]})", $"PostgreSQL {commits.PerSecond:F0} commits/s",
            perSecond / commits.PerSecond, "≥ 2,000/s, 0 duplicates, 0 missed", exact && perSecond >= 2000);
    }
    if (rates.TryGetValue(1, out var one) && rates.TryGetValue(3, out var three))
    {
        report.Add("renewals, 3 instances against 1", $"{three / one:F2}×", "-", null, "never slower (≥ 1.00×)", three >= one);
    }
}
if (mode.CreditRequests > 0)
{
    Say($"credit consumption (benchmarks/CreditsBenchmark {mode.CreditRequests} 32 1000):");
    var lines = await ChildBenchmark.RunAsync(root, "CreditsBenchmark", "Reseller.CreditsBenchmark", mode.CreditRequests.ToString(CultureInfo.InvariantCulture), "32", "1000");
    foreach (var line in lines.Where(l => l.StartsWith("one account", StringComparison.Ordinal) || l.StartsWith("many accounts", StringComparison.Ordinal)))
    {
        // accounts, requests, seconds, consumptions/s, p50 ms, p99 ms, refused, ledger=balance
        var columns = line[18..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var perSecond = double.Parse(columns[3], CultureInfo.InvariantCulture);
        var p99 = double.Parse(columns[5], CultureInfo.InvariantCulture);
        var ledgerMatches = columns[7] == "True";
        var oneAccount = line.StartsWith("one", StringComparison.Ordinal);
        report.Add($"credits, {line[..18].Trim()}", $"{perSecond:F0}/s (p99 {columns[5]} ms, ledger = balances: {ledgerMatches})", $"PostgreSQL {commits.PerSecond:F0} commits/s",
            perSecond / commits.PerSecond, oneAccount ? "≥ 1,000/s, never negative" : "≥ 3,000/s, p99 ≤ 50 ms, never negative",
            ledgerMatches && (oneAccount ? perSecond >= 1000 : perSecond >= 3000 && p99 <= 50));
    }
}
report.Print();
Say("done");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
