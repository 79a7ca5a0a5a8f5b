using System.Globalization;

using Reseller.AccountListBenchmark;

// Seeds N accounts for one partner straight into a fresh accountsdb, then times filtered, sorted list pages through the gateway.
// Usage: dotnet run -c Release --project benchmarks/AccountListBenchmark -- [accounts=100000] [walks per scenario=10]
var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var walks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;

await using var run = await ListRun.StartAsync(CancellationToken.None);
Console.WriteLine($"Account list benchmark: {accounts:N0} accounts of one partner, page_size 50, through the gateway");
await run.SeedAsync(accounts, CancellationToken.None);
Console.WriteLine($"{"scenario",-52} {"pages",6} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
foreach (var scenario in Scenarios.All)
{
    Console.WriteLine(await run.MeasureAsync(scenario, walks, CancellationToken.None));
}
Console.WriteLine();
foreach (var (title, sql) in Scenarios.Explained)
{
    Console.WriteLine($"EXPLAIN ANALYZE: {title}");
    Console.WriteLine(await run.ExplainAsync(sql, CancellationToken.None));
}
