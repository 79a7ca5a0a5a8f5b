using Reseller.CreditsBenchmark;

// Starts Credits (with its own PostgreSQL and RabbitMQ), seeds accounts holding SMS credit, and times consumptions
// through its HTTP endpoint: every request on one account (one contended balance row), then spread over many accounts.
// A warm-up at full concurrency comes first, unmeasured and printed on its own line (0 seconds: none, as before session 24).
// Usage: dotnet benchmarks/CreditsBenchmark/bin/Release/net10.0/Reseller.CreditsBenchmark.dll [requests=5000] [concurrency=32] [accounts=1000] [warm-up seconds=60]
var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32;
var accounts = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var warmUp = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 60);

Console.WriteLine($"Credits consumption benchmark: {requests:N0} consumptions of 1 SMS credit, {concurrency} concurrent clients");
Console.WriteLine("scenario          accounts  requests  seconds  consumptions/s  p50 ms  p99 ms  refused  ledger=balance");
await using var system = await CreditsSystem.StartAsync(CancellationToken.None);
if (warmUp > TimeSpan.Zero)
{
    var made = await ConsumptionRun.WarmUpAsync(system, warmUp, concurrency, CancellationToken.None);
    Console.WriteLine($"(warm-up, unmeasured: {made:N0} consumptions in {warmUp.TotalSeconds:F0} s on accounts of its own)");
}
Console.WriteLine(await ConsumptionRun.ExecuteAsync(system, "one account", 1, requests, concurrency, CancellationToken.None));
Console.WriteLine(await ConsumptionRun.ExecuteAsync(system, "many accounts", accounts, requests, concurrency, CancellationToken.None));
