using Reseller.CreditsBenchmark;

// Starts Credits (with its own PostgreSQL and RabbitMQ), seeds accounts holding SMS credit, and times consumptions
// through its HTTP endpoint: every request on one account (one contended balance row), then spread over many accounts.
// Usage: dotnet benchmarks/CreditsBenchmark/bin/Release/net10.0/Reseller.CreditsBenchmark.dll [requests=5000] [concurrency=32] [accounts=1000]
var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32;
var accounts = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;

Console.WriteLine($"Credits consumption benchmark: {requests:N0} consumptions of 1 SMS credit, {concurrency} concurrent clients");
Console.WriteLine("scenario          accounts  requests  seconds  consumptions/s  p50 ms  p99 ms  refused  ledger=balance");
await using var system = await CreditsSystem.StartAsync(CancellationToken.None);
Console.WriteLine(await ConsumptionRun.ExecuteAsync(system, "one account", 1, requests, concurrency, CancellationToken.None));
Console.WriteLine(await ConsumptionRun.ExecuteAsync(system, "many accounts", accounts, requests, concurrency, CancellationToken.None));
