using System.Globalization;

using Reseller.AccountsPageBenchmark;

// Seeds N accounts for one partner straight into a fresh accountsdb, signs the partner in to the dashboard, then times the
// accounts list page's server render (the HTML of GET /accounts through the gateway: the dashboard renders it, calling the API).
// Usage: dotnet benchmarks/AccountsPageBenchmark/bin/Release/net10.0/Reseller.AccountsPageBenchmark.dll [accounts=100000] [requests=200]
var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;

Console.WriteLine($"Accounts page benchmark: {accounts:N0} accounts of one partner, GET /accounts (25 rows, newest first) through the gateway");
Console.WriteLine(MachineLimits.Describe());
await using var run = await PageRun.StartAsync(CancellationToken.None);
await run.SeedAsync(accounts, CancellationToken.None);
await run.SignInAsync(CancellationToken.None);
Console.WriteLine($"load average before: {MachineLimits.LoadAverage()}");
var result = await run.MeasureAsync(requests, CancellationToken.None);
Console.WriteLine($"load average after:  {MachineLimits.LoadAverage()}");
Console.WriteLine(result);
Console.WriteLine(result.P95 <= 200 ? "p95 within the 200 ms target" : "p95 ABOVE the 200 ms target");
