using System.Diagnostics;

using Reseller.AppHost;
using Reseller.Testing.AssemblyFixtures;

using Xunit.Abstractions;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// Exactly once at scale, with Billing instances as separate processes on a PostgreSQL and a RabbitMQ of their own:
/// however the instances share the run, and whatever happens to one of them, each due account is invoiced and charged once.
/// </summary>
[LoadsTheMachine]
public sealed class RenewalAtScaleTests(ITestOutputHelper output)
{
    private const int Accounts = 10_000;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Three_instances_renew_10000_due_accounts_exactly_once_even_when_one_is_SIGKILLed_and_restarted()
    {
        await using var system = await RenewalSystem.StartAsync("scale", replicas: 3, Accounts);
        var stopwatch = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, 3).Select(replica => system.RunAsync(replica)).ToList();

        Assert.True(await Eventually.HoldsAsync(async () => await system.PaidRenewalsAsync() >= Accounts / 5, RunTimeout), "The run never got going.");
        await system.App.StopProjectAsync(ResellerResources.Billing.Name, 1, kill: true);
        var killedAt = await system.PaidRenewalsAsync();
        try
        {
            await runs[1];
        }
        catch (HttpRequestException)
        {
            // The killed instance never answers its clock call.
        }
        await system.App.StartProjectAsync(ResellerResources.Billing.Name, 1);
        runs[1] = system.RunAsync(1);
        await Task.WhenAll(runs);

        // A payment the killed instance recorded but never finished is finished by the recovery job once it is 30 s old.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(replica => system.RunAsync(replica, later: TimeSpan.FromMinutes(5))));
        stopwatch.Stop();
        var figures = await system.ExactlyOnceFiguresAsync();
        output.WriteLine($"{Accounts} accounts, 3 instances, instance 1 SIGKILLed after {killedAt} paid: {stopwatch.Elapsed.TotalSeconds:F0} s");
        foreach (var (name, value) in figures)
        {
            output.WriteLine($"{name}: {value}");
        }
        Assert.All(figures, f => Assert.True(f.Value == Accounts, $"{f.Key}: {f.Value}, expected {Accounts}"));
    }
}
