using Reseller.RenewalBenchmark;

// Seeds N accounts due today and times Billing's renewal run with 1 and with 3 instances.
// Usage: dotnet run -c Release --project benchmarks/RenewalBenchmark -- [accounts=100000] [replica counts=1,3]
var accounts = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var replicaCounts = args.Length > 1 ? args[1].Split(',').Select(r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [1, 3];

Console.WriteLine($"Renewal benchmark: {accounts:N0} monthly accounts due on one day");
Console.WriteLine("replicas  accounts  seconds  renewals/s  p50 s  p99 s  charge p99 ms  duplicates  missed  CPU per renewal");
foreach (var replicas in replicaCounts)
{
    var result = await RenewalRun.ExecuteAsync(accounts, replicas, CancellationToken.None);
    Console.WriteLine(result);
}
